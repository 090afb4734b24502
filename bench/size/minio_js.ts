/** minio-js: the whole client (one class). It needs Node built-ins, so it is bundled for Node. */
export { Client } from "minio";
