/**
 * A recording fetch for the credential providers' unit tests: answers from
 * a queue or a function and keeps each request; and STS answer documents.
 */

/** An STS answer of `action` with these credentials, expiring in `expiresInMs`. */
export function stsAnswer(action: string, accessKey: string, expiresInMs: number): string {
  const expiration = new Date(Date.now() + expiresInMs).toISOString();
  return `<?xml version="1.0" encoding="UTF-8"?>
<${action}Response xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
<${action}Result><Credentials><AccessKeyId>${accessKey}</AccessKeyId>
<SecretAccessKey>secret-${accessKey}</SecretAccessKey><Expiration>${expiration}</Expiration>
<SessionToken>token-${accessKey}</SessionToken></Credentials></${action}Result>
<ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></${action}Response>`;
}

/** An STS error document. */
export function stsError(code: string, message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><ErrorResponse><Error><Type>Sender</Type>` +
    `<Code>${code}</Code><Message>${message}</Message></Error><RequestId>2</RequestId></ErrorResponse>`;
}

/** A fetch answering with `respond(request, index)` and recording each request. */
export function fakeFetch(respond: (req: Request, i: number) => [number, string]) {
  const sent: Request[] = [];
  const fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init);
    sent.push(req);
    const [status, body] = respond(req, sent.length - 1);
    return Promise.resolve(new Response(body, { status }));
  };
  return { fetch: fetch as typeof globalThis.fetch, sent };
}

/** A fetch answering from `replies` in order (then HTTP 500). */
export function fakeQueue(replies: [number, string][]) {
  return fakeFetch(() => replies.shift() ?? [500, ""]);
}

/** The form fields of a request, sorted. */
export async function formOf(req: Request): Promise<[string, string][]> {
  return [...new URLSearchParams(await req.clone().text())].sort();
}
