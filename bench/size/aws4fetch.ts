/** aws4fetch: a SigV4 signer around fetch; the caller builds every S3 request and parses XML itself. */
export { AwsClient } from "aws4fetch";
