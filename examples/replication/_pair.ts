/**
 * The set-up of the replication and remote-target examples: a versioned
 * bucket here (the source), a versioned bucket on a second server
 * (MINIO_PEER_ENDPOINT, MINIO_PEER_ACCESS_KEY, MINIO_PEER_SECRET_KEY; the
 * replica), the remote target naming the replica, and a clean-up of both.
 *
 * @example
 * ```ts
 * const { source, target, cleanUp } = await versionedPair(client);
 * const arn = await admin.setRemoteTarget(source, target);
 * await cleanUp();
 * ```
 *
 * @module
 */
import { ENABLED, Minio, VersioningConfig } from "@minio-edge/minio";
import { BucketTarget } from "@minio-edge/minio/admin";

/** The two buckets, the target and how to remove them. */
export interface Pair {
  /** A client of the second server. */
  peer: Minio;
  /** The versioned bucket on the first server. */
  source: string;
  /** The versioned bucket on the second server. */
  replica: string;
  /** The replica as a remote target of the source. */
  target: BucketTarget;
  /** Removes both buckets with every object version. */
  cleanUp(): Promise<void>;
}

/** Makes the two versioned buckets; `client` is a client of the first server. */
export async function versionedPair(client: Minio): Promise<Pair> {
  const peerServer = {
    endPoint: process.env.MINIO_PEER_ENDPOINT ?? "http://127.0.0.1:9100",
    accessKey: process.env.MINIO_PEER_ACCESS_KEY ?? "minioadmin",
    secretKey: process.env.MINIO_PEER_SECRET_KEY ?? "minioadmin",
  };
  const peer = new Minio(peerServer);
  const id = crypto.randomUUID().slice(0, 8);
  const [source, replica] = [`photos-${id}`, `photos-replica-${id}`];
  const both = [[client, source], [peer, replica]] as const;
  for (const [c, bucket] of both) {
    await c.makeBucket(bucket);
    await c.setBucketVersioning(bucket, new VersioningConfig(ENABLED));
  }
  const { endPoint, accessKey, secretKey } = peerServer;
  const target = new BucketTarget(endPoint, replica, { accessKey, secretKey });
  const cleanUp = async () => {
    for (const [c, bucket] of both) {
      const all = c.listObjects(bucket, { recursive: true, includeVersion: true });
      for await (const e of c.removeObjects(bucket, all)) console.error("left:", e.name, e.code);
      await c.removeBucket(bucket);
    }
  };
  return { peer, source, replica, target, cleanUp };
}
