/**
 * Budget (a): what a browser app that presigns, uploads, downloads and lists
 * imports. Through the standalone operation functions, which take a
 * `MinioCore`: the `Minio` class carries every operation as a method, and a
 * bundler cannot drop unused methods of a class that is used.
 */
export { MinioCore } from "../../src/core/core.ts";
export { presignedGetObject, presignedPutObject } from "../../src/s3/presign/presign.ts";
export { putObject } from "../../src/s3/upload/put_object.ts";
export { getObject } from "../../src/s3/object/get_object.ts";
export { listObjects } from "../../src/s3/list/list_objects.ts";
