/**
 * The call shapes of the minio-js `Client`'s methods, for
 * src/base/shape.ts's `checkMethods`: each argument's type, the number of
 * arguments and the keys of its options objects are checked before any
 * request, as `Minio`'s are (its table is generated; this one is written by
 * hand, and tests/unit/minio_js_shapes_test.ts fails when a method of the
 * class has no line here). `!` marks a method that returns no promise.
 *
 * @module
 */

const VERSION = "|versionId:s";

/** Method name -> `params|option keys` (see `checkMethods`). */
export const CLIENT_SHAPES: Readonly<Record<string, string>> = {
  setAppInfo: "!appName:s appVersion:s",
  traceOn: "!stream:o",
  traceOff: "!",
  makeBucket: "bucket:s region?:s makeOpts?:k|ObjectLocking:b",
  listBuckets: "",
  bucketExists: "bucket:s",
  removeBucket: "bucket:s",
  listObjects: "!bucket:s prefix?:s recursive?:b listOpts?:k|IncludeVersion:b",
  listObjectsV2: "!bucket:s prefix?:s recursive?:b startAfter?:s",
  getObject: "bucket:s name:s getOpts?:k" + VERSION,
  getPartialObject: "bucket:s name:s offset:n length?:n getOpts?:k" + VERSION,
  putObject: "bucket:s name:s stream:so size?:n metaData?:o",
  fPutObject: "bucket:s name:s filePath:s metaData?:o",
  fGetObject: "bucket:s name:s filePath:s getOpts?:k" + VERSION,
  statObject: "bucket:s name:s statOpts?:k" + VERSION,
  removeObject: "bucket:s name:s removeOpts?:k|versionId:s governanceBypass:b",
  removeObjects: "bucket:s objectsList:o",
  removeIncompleteUpload: "bucket:s name:s",
  presignedUrl: "method:s bucket:s name:s expiry?:n reqParams?:o requestDate?:d",
  presignedGetObject: "bucket:s name:s expiry?:n respHeaders?:o requestDate?:d",
  presignedPutObject: "bucket:s name:s expiry?:n",
  setBucketTagging: "bucket:s tags:o",
  getBucketTagging: "bucket:s",
  removeBucketTagging: "bucket:s",
  setObjectTagging: "bucket:s name:s tags:o putOpts?:k" + VERSION,
  getObjectTagging: "bucket:s name:s getOpts?:k" + VERSION,
  removeObjectTagging: "bucket:s name:s removeOpts?:k" + VERSION,
  setBucketPolicy: "bucket:s policy:s",
  getBucketPolicy: "bucket:s",
  getBucketVersioning: "bucket:s",
  setBucketVersioning: "bucket:s versionConfig:k|Status:s",
  listIncompleteUploads: "!bucket:s prefix?:s recursive?:b",
  getObjectLegalHold: "bucket:s name:s getOpts?:k" + VERSION,
  setObjectLegalHold: "bucket:s name:s setOpts?:k|status:s versionId:s",
  putObjectRetention:
    "bucket:s name:s retentionOpts:k|mode:s retainUntilDate:sd governanceBypass:b versionId:s",
  getObjectRetention: "bucket:s name:s getOpts?:k" + VERSION,
  getObjectLockConfig: "bucket:s",
  setObjectLockConfig: "bucket:s lockConfigOpts:k|mode:s unit:s validity:n",
  setBucketEncryption: "bucket:s encryptionConfig?:k|Rule:o",
  getBucketEncryption: "bucket:s",
  removeAllBucketNotification: "bucket:s",
  removeBucketLifecycle: "bucket:s",
  removeBucketEncryption: "bucket:s",
  removeBucketReplication: "bucket:s",
  initiateNewMultipartUpload: "bucket:s name:s headers:o",
  uploadPart: "partConfig:k payload:so|bucketName:s objectName:s uploadID:s partNumber:n headers:o",
  findUploadId: "bucket:s name:s",
  completeMultipartUpload: "bucket:s name:s uploadId:s etags:o",
  abortMultipartUpload: "bucket:s name:s uploadId:s",
  copyObject: "sourceOrBucket:os destOrName:os sourceObject?:s conditions?:o",
  composeObject: "destObjConfig:o sourceObjList:o",
  newPostPolicy: "!",
  presignedPostPolicy: "postPolicy:o",
  calculatePartSize: "!size:n",
  listObjectsQuery:
    "bucket:s prefix?:s marker?:s listQueryOpts?:k|Delimiter:s MaxKeys:n IncludeVersion:b keyMarker:s versionIdMarker:s",
  listObjectsV2Query:
    "bucket:s prefix?:s continuationToken?:s delimiter?:s maxKeys?:n startAfter?:s",
  // null or "" removes the lifecycle, as in minio-js; the object is checked against the classes.
  setBucketLifecycle: "bucket:s lifecycleConfig:*",
  getBucketLifecycle: "bucket:s",
  setBucketReplication: "bucket:s replicationConfig:k|role:s rules:o",
  getBucketReplication: "bucket:s",
  setBucketNotification: "bucket:s config:o",
  getBucketNotification: "bucket:s",
  selectObjectContent:
    "bucket:s name:s selectOpts:k|expression:s expressionType:s inputSerialization:o outputSerialization:o requestProgress:o scanRange:o",
  listenBucketNotification: "!bucket:s prefix:s suffix:s events:o",
  // Keys are checked by request_options.ts, which says why each refused one is.
  setRequestOptions: "!options:o",
  getBucketRegionAsync: "bucket:s",
  setS3TransferAccelerate: "!endPoint:s",
  setCredentialsProvider: "provider:o",
};
