/**
 * Budget (a): what a browser app that presigns, uploads, downloads and lists
 * imports. Through the standalone operation functions, which take a
 * `MinioCore`: the `Minio` class carries every operation as a method, and a
 * bundler cannot drop unused methods of a class that is used.
 */
export { MinioCore } from "../../src/core.ts";
export { presignedGetObject, presignedPutObject } from "../../src/ops/presign.ts";
export { putObject } from "../../src/ops/put_object.ts";
export { getObject } from "../../src/ops/get_object.ts";
export { listObjects } from "../../src/ops/list_objects.ts";
