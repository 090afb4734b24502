/// <reference lib="dom" />
/**
 * The upload page's script, bundled for the browser by server.ts. It asks
 * the presign server for a plan (an upload id and a presigned URL per part),
 * sends the parts straight to MinIO with `uploadWithPresignedUrls`, and lets
 * the user pause (stop sending; stored parts stay), resume (send only what
 * the server does not list yet) or cancel (the server aborts the upload).
 *
 * @module
 */
import { type UploadPlan, uploadWithPresignedUrls } from "../../mod.ts";

/** The plan as the server sends it: the upload's name and id, and its parts. */
interface Plan extends UploadPlan {
  name: string;
  uploadId: string;
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const progressBar = $<HTMLProgressElement>("progress");
const [percent, status, objects] = [$("percent"), $("status"), $("objects")];
const [pauseButton, resumeButton, cancelButton] = ["pause", "resume", "cancel"].map((id) =>
  $<HTMLButtonElement>(id)
);

let file: File | undefined;
let plan: Plan | undefined;
let controller: AbortController | undefined;
let running: Promise<void> | undefined;

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return await res.json() as T;
}

type State = "starting" | "uploading" | "paused" | "resuming" | "done" | "failed" | "cancelled";

/** Shows the state (also as `data-state` on the body, for scripts and tests). */
function setStatus(
  state: State,
  text: string,
  buttons: { pause?: boolean; resume?: boolean; cancel?: boolean },
) {
  status.textContent = text;
  document.body.dataset.state = state;
  pauseButton.disabled = !buttons.pause;
  resumeButton.disabled = !buttons.resume;
  cancelButton.disabled = !buttons.cancel;
}

function showProgress(loaded: number, total: number) {
  progressBar.value = total ? loaded / total : 1;
  percent.textContent = `${Math.floor((100 * loaded) / (total || 1))} %`;
  document.body.dataset.loaded = String(loaded);
}

const mib = (n: number) => `${(n / 1048576).toFixed(1)} MiB`;

async function refreshList() {
  const list = await api<{ name: string; size: number }[]>("GET", "/api/objects");
  objects.replaceChildren(...list.map((o) => {
    const row = document.createElement("tr");
    row.innerHTML = "<td></td><td class=size></td>";
    row.cells[0].textContent = o.name;
    row.cells[1].textContent = mib(o.size);
    return row;
  }));
}

/** Sends what is not on the server yet, then has the server complete the upload. */
function send(uploadedParts: { partNumber: number; etag: string; size: number }[]) {
  const [f, p] = [file!, plan!];
  const ac = controller = new AbortController();
  setStatus("uploading", `uploading ${f.name}`, { pause: true, cancel: true });
  running = (async () => {
    try {
      const parts = await uploadWithPresignedUrls(f, p, {
        concurrency: 4,
        signal: ac.signal,
        uploadedParts,
        onProgress: ({ loaded, total }) => showProgress(loaded, total),
      });
      await api("POST", "/api/uploads/complete", { name: p.name, uploadId: p.uploadId, parts });
      setStatus("done", `done: ${p.name}, ${mib(f.size)}`, {});
      plan = undefined;
      await refreshList();
    } catch (e) {
      // A pause or a cancel aborted the upload: its button says what comes next.
      if (!ac.signal.aborted) {
        setStatus("failed", `failed: ${(e as Error).message}`, { cancel: true });
      }
    }
  })();
}

async function start(f: File) {
  if (plan) return; // one upload at a time
  file = f;
  showProgress(0, f.size);
  setStatus("starting", `starting ${f.name}`, {});
  plan = await api<Plan>("POST", "/api/uploads", {
    name: f.name,
    size: f.size,
    contentType: f.type || "application/octet-stream",
  });
  send([]);
}

pauseButton.onclick = async () => {
  controller?.abort();
  await running;
  if (plan) setStatus("paused", `paused at ${percent.textContent}`, { resume: true, cancel: true });
};

resumeButton.onclick = async () => {
  if (!plan) return;
  setStatus("resuming", "resuming", {});
  const query = new URLSearchParams({ name: plan.name, uploadId: plan.uploadId });
  send(await api("GET", `/api/uploads/parts?${query}`));
};

cancelButton.onclick = async () => {
  controller?.abort();
  await running;
  if (plan) await api("POST", "/api/uploads/abort", { name: plan.name, uploadId: plan.uploadId });
  plan = undefined;
  showProgress(0, 1);
  setStatus("cancelled", "cancelled", {});
};

const input = $<HTMLInputElement>("file");
input.onchange = () => input.files?.[0] && start(input.files[0]);
const drop = $("drop");
drop.ondragover = (e) => {
  e.preventDefault();
  drop.classList.add("over");
};
drop.ondragleave = () => drop.classList.remove("over");
drop.ondrop = (e) => {
  e.preventDefault();
  drop.classList.remove("over");
  const f = e.dataTransfer?.files[0];
  if (f) start(f);
};
refreshList();
