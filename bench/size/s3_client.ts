/** Budget (b): the whole S3 client, as an application imports it from the package entry. */
export { Minio } from "../../mod.ts";
