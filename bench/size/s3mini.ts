/** s3mini: a small fetch-based S3 client (one class). */
export { S3mini } from "s3mini";
