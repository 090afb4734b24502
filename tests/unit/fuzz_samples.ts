/**
 * Valid answers of S3 and MinIO, one or more per parser: the seeds the
 * property tests mutate. Written after what MinIO sends and what the S3
 * documentation shows.
 *
 * @module
 */

const NS = 'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"';
const DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** A parser's root element and valid documents for it. */
export interface Samples {
  root: string;
  docs: string[];
}

export const LIFECYCLE: Samples = {
  root: "LifecycleConfiguration",
  docs: [
    `${DECL}<LifecycleConfiguration ${NS}><Rule><ID>archive</ID><Filter><And><Prefix>docs/</Prefix>` +
    `<Tag><Key>k</Key><Value>v</Value></Tag><ObjectSizeGreaterThan>500</ObjectSizeGreaterThan>` +
    `<ObjectSizeLessThan>90000</ObjectSizeLessThan></And></Filter><Status>Enabled</Status>` +
    `<Transition><Days>90</Days><StorageClass>GLACIER</StorageClass></Transition>` +
    `<NoncurrentVersionTransition><NoncurrentDays>30</NoncurrentDays><StorageClass>GLACIER` +
    `</StorageClass></NoncurrentVersionTransition></Rule><Rule><ID>logs</ID><Status>Disabled` +
    `</Status><Prefix>logs/</Prefix><Expiration><Date>2030-01-01T00:00:00Z</Date></Expiration>` +
    `<AbortIncompleteMultipartUpload><DaysAfterInitiation>7</DaysAfterInitiation>` +
    `</AbortIncompleteMultipartUpload><NoncurrentVersionExpiration><NoncurrentDays>5` +
    `</NoncurrentDays><NewerNoncurrentVersions>2</NewerNoncurrentVersions>` +
    `</NoncurrentVersionExpiration></Rule><Rule><ID>markers</ID><Filter><Tag><Key>a</Key>` +
    `<Value>b</Value></Tag></Filter><Status>Enabled</Status><Expiration>` +
    `<ExpiredObjectDeleteMarker>true</ExpiredObjectDeleteMarker></Expiration></Rule>` +
    `</LifecycleConfiguration>`,
  ],
};

export const REPLICATION: Samples = {
  root: "ReplicationConfiguration",
  docs: [
    `${DECL}<ReplicationConfiguration ${NS}><Role>arn:aws:iam::1:role/R</Role><Rule><ID>rule1</ID>` +
    `<Status>Enabled</Status><Priority>1</Priority><DeleteMarkerReplication><Status>Disabled` +
    `</Status></DeleteMarkerReplication><DeleteReplication><Status>Enabled</Status>` +
    `</DeleteReplication><ExistingObjectReplication><Status>Enabled</Status>` +
    `</ExistingObjectReplication><SourceSelectionCriteria><SseKmsEncryptedObjects><Status>Enabled` +
    `</Status></SseKmsEncryptedObjects><ReplicaModifications><Status>Enabled</Status>` +
    `</ReplicaModifications></SourceSelectionCriteria><Filter><And><Prefix>TaxDocs</Prefix><Tag>` +
    `<Key>key1</Key><Value>value1</Value></Tag></And></Filter><Destination><Bucket>` +
    `arn:aws:s3:::target</Bucket><Account>1</Account><StorageClass>STANDARD</StorageClass>` +
    `<AccessControlTranslation><Owner>Destination</Owner></AccessControlTranslation>` +
    `<ReplicationTime><Status>Enabled</Status><Time><Minutes>15</Minutes></Time>` +
    `</ReplicationTime><Metrics><Status>Enabled</Status><EventThreshold><Minutes>15</Minutes>` +
    `</EventThreshold></Metrics><EncryptionConfiguration><ReplicaKmsKeyID>arn:aws:kms:k` +
    `</ReplicaKmsKeyID></EncryptionConfiguration></Destination></Rule><Rule><ID>r2</ID><Status>` +
    `Disabled</Status><Prefix>p/</Prefix><Destination><Bucket>arn:aws:s3:::t2</Bucket>` +
    `</Destination></Rule></ReplicationConfiguration>`,
  ],
};

export const NOTIFICATION: Samples = {
  root: "NotificationConfiguration",
  docs: [
    `<NotificationConfiguration ${NS}><QueueConfiguration><Id>one</Id><Filter><S3Key><FilterRule>` +
    `<Name>prefix</Name><Value>in/</Value></FilterRule><FilterRule><Name>suffix</Name><Value>.txt` +
    `</Value></FilterRule></S3Key></Filter><Event>s3:ObjectCreated:*</Event><Event>` +
    `s3:ObjectRemoved:Delete</Event><Queue>arn:minio:sqs::PRIMARY:webhook</Queue>` +
    `</QueueConfiguration><TopicConfiguration><Id>t</Id><Event>s3:ObjectCreated:Put</Event><Topic>` +
    `arn:aws:sns:us-east-1:1:t</Topic></TopicConfiguration><CloudFunctionConfiguration><Id>f</Id>` +
    `<Event>s3:ObjectRemoved:*</Event><CloudFunction>arn:aws:lambda:us-east-1:1:function:f` +
    `</CloudFunction></CloudFunctionConfiguration></NotificationConfiguration>`,
    `<NotificationConfiguration ${NS}></NotificationConfiguration>`,
  ],
};

export const OBJECT_LOCK: Samples = {
  root: "ObjectLockConfiguration",
  docs: [
    `<ObjectLockConfiguration ${NS}><ObjectLockEnabled>Enabled</ObjectLockEnabled><Rule>` +
    `<DefaultRetention><Mode>GOVERNANCE</Mode><Days>1</Days></DefaultRetention></Rule>` +
    `</ObjectLockConfiguration>`,
    `<ObjectLockConfiguration ${NS}><ObjectLockEnabled>Enabled</ObjectLockEnabled><Rule>` +
    `<DefaultRetention><Mode>COMPLIANCE</Mode><Years>2</Years></DefaultRetention></Rule>` +
    `</ObjectLockConfiguration>`,
    `<ObjectLockConfiguration ${NS}><ObjectLockEnabled>Enabled</ObjectLockEnabled>` +
    `</ObjectLockConfiguration>`,
  ],
};

export const VERSIONING: Samples = {
  root: "VersioningConfiguration",
  docs: [
    `<VersioningConfiguration ${NS}><Status>Enabled</Status><MFADelete>Disabled</MFADelete>` +
    `<ExcludedPrefixes><Prefix>tmp/</Prefix></ExcludedPrefixes><ExcludedPrefixes><Prefix>x/` +
    `</Prefix></ExcludedPrefixes><ExcludeFolders>true</ExcludeFolders></VersioningConfiguration>`,
    `<VersioningConfiguration ${NS}><Status>Suspended</Status></VersioningConfiguration>`,
    `<VersioningConfiguration ${NS}></VersioningConfiguration>`,
  ],
};

export const ENCRYPTION: Samples = {
  root: "ServerSideEncryptionConfiguration",
  docs: [
    `<ServerSideEncryptionConfiguration ${NS}><Rule><ApplyServerSideEncryptionByDefault>` +
    `<SSEAlgorithm>AES256</SSEAlgorithm></ApplyServerSideEncryptionByDefault></Rule>` +
    `</ServerSideEncryptionConfiguration>`,
    `<ServerSideEncryptionConfiguration ${NS}><Rule><ApplyServerSideEncryptionByDefault>` +
    `<SSEAlgorithm>aws:kms</SSEAlgorithm><KMSMasterKeyID>minio-edge-key</KMSMasterKeyID>` +
    `</ApplyServerSideEncryptionByDefault></Rule></ServerSideEncryptionConfiguration>`,
  ],
};

export const TAGGING: Samples = {
  root: "Tagging",
  docs: [
    `${DECL}<Tagging ${NS}><TagSet><Tag><Key>a</Key><Value>1</Value></Tag><Tag><Key>b c</Key>` +
    `<Value>d+e</Value></Tag></TagSet></Tagging>`,
    `<Tagging><TagSet></TagSet></Tagging>`,
  ],
};

export const RETENTION: Samples = {
  root: "Retention",
  docs: [
    `${DECL}<Retention ${NS}><Mode>GOVERNANCE</Mode><RetainUntilDate>2026-11-27T20:58:55.579Z` +
    `</RetainUntilDate></Retention>`,
  ],
};

export const LEGAL_HOLD: Samples = {
  root: "LegalHold",
  docs: [`${DECL}<LegalHold ${NS}><Status>ON</Status></LegalHold>`],
};

export const LIST_V2: Samples = {
  root: "ListBucketResult",
  docs: [
    `${DECL}<ListBucketResult ${NS}><Name>b-1</Name><Prefix></Prefix><KeyCount>3</KeyCount>` +
    `<MaxKeys>1000</MaxKeys><Delimiter>/</Delimiter><IsTruncated>true</IsTruncated>` +
    `<NextContinuationToken>tok-1</NextContinuationToken><EncodingType>url</EncodingType>` +
    `<Contents><Key>a%20b</Key><LastModified>2026-01-02T03:04:05.000Z</LastModified><ETag>` +
    `&quot;e1&quot;</ETag><Size>3</Size><Owner><ID>o</ID><DisplayName>d</DisplayName></Owner>` +
    `<StorageClass>STANDARD</StorageClass><UserMetadata><X-Amz-Meta-Owner>ann` +
    `</X-Amz-Meta-Owner><content-type>text/plain</content-type></UserMetadata></Contents>` +
    `<Contents><Key>%C3%A9t%C3%A9</Key><LastModified>2026-01-02T03:04:05.000Z</LastModified>` +
    `<ETag>"e2-2"</ETag><Size>5242881</Size></Contents><CommonPrefixes><Prefix>dir%2F</Prefix>` +
    `</CommonPrefixes></ListBucketResult>`,
    `${DECL}<ListBucketResult ${NS}><Name>b-1</Name><Prefix></Prefix><KeyCount>0</KeyCount>` +
    `<MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated></ListBucketResult>`,
    // MinIO's entries as the pinned server sends them (ETag quoted as &#34;):
    // plain, with fetch-owner=true, and with metadata=true (its Internal last).
    `${DECL}<ListBucketResult ${NS}><Name>b-1</Name><Prefix></Prefix><KeyCount>3</KeyCount>` +
    `<MaxKeys>1000</MaxKeys><EncodingType>url</EncodingType><IsTruncated>false</IsTruncated>` +
    `<Contents><Key>dir/a%26b.txt</Key><LastModified>2026-12-05T11:37:19.513Z</LastModified>` +
    `<ETag>&#34;49f68a5c8493ec2c0bf489821c21fc3b&#34;</ETag><Size>2</Size>` +
    `<StorageClass>STANDARD</StorageClass></Contents>` +
    `<Contents><Key>f</Key><LastModified>2026-12-05T11:32:19.213Z</LastModified>` +
    `<ETag>&#34;c7bdcd09de13009a77a79bc8865f14c0&#34;</ETag><Size>16777216</Size><Owner><ID>` +
    `02d6176db174dc93cb1b899f7c6078f08654445fe8cf1b6ce98d8855f66bdbf4</ID><DisplayName>minio` +
    `</DisplayName></Owner><StorageClass>STANDARD</StorageClass></Contents>` +
    `<Contents><Key>m</Key><LastModified>2026-12-04T23:23:07.519Z</LastModified>` +
    `<ETag>&#34;81b3c4411b4bb2464d0b32fc461c1b64-64&#34;</ETag><Size>1073741824</Size>` +
    `<StorageClass>STANDARD</StorageClass><UserMetadata><X-Amz-Meta-Camera>K1</X-Amz-Meta-Camera>` +
    `<content-type>text/plain</content-type></UserMetadata><Internal><K>2</K><M>2</M></Internal>` +
    `</Contents></ListBucketResult>`,
  ],
};

export const LIST_V1: Samples = {
  root: "ListBucketResult",
  docs: [
    `${DECL}<ListBucketResult ${NS}><Name>b-1</Name><Prefix></Prefix><Marker></Marker><MaxKeys>2` +
    `</MaxKeys><EncodingType>url</EncodingType><IsTruncated>true</IsTruncated><NextMarker>dir%2F` +
    `</NextMarker><Contents><Key>a%20b</Key><Size>3</Size><ETag>&quot;e1&quot;</ETag><Owner><ID>` +
    `o</ID></Owner></Contents><CommonPrefixes><Prefix>dir%2F</Prefix></CommonPrefixes>` +
    `</ListBucketResult>`,
  ],
};

export const LIST_VERSIONS: Samples = {
  root: "ListVersionsResult",
  docs: [
    `${DECL}<ListVersionsResult ${NS}><Name>b-1</Name><Prefix></Prefix><KeyMarker></KeyMarker>` +
    `<NextKeyMarker>k%201</NextKeyMarker><NextVersionIdMarker>v2</NextVersionIdMarker><MaxKeys>2` +
    `</MaxKeys><IsTruncated>true</IsTruncated><Version><Key>k%201</Key><VersionId>v1</VersionId>` +
    `<IsLatest>true</IsLatest><LastModified>2026-01-02T03:04:05.000Z</LastModified><ETag>` +
    `&quot;e1&quot;</ETag><Size>3</Size><Owner><ID>o</ID></Owner><StorageClass>STANDARD` +
    `</StorageClass></Version><DeleteMarker><Key>k%201</Key><VersionId>v2</VersionId><IsLatest>` +
    `false</IsLatest><LastModified>2026-01-01T03:04:05.000Z</LastModified></DeleteMarker>` +
    `<EncodingType>url</EncodingType></ListVersionsResult>`,
  ],
};

export const LIST_BUCKETS: Samples = {
  root: "ListAllMyBucketsResult",
  docs: [
    `${DECL}<ListAllMyBucketsResult ${NS}><Owner><ID>x</ID></Owner><Buckets><Bucket><Name>alpha` +
    `</Name><CreationDate>2026-01-02T03:04:05.000Z</CreationDate></Bucket><Bucket><Name>beta` +
    `</Name><CreationDate>2026-02-03T04:05:06.000Z</CreationDate></Bucket></Buckets>` +
    `<ContinuationToken>next-page</ContinuationToken></ListAllMyBucketsResult>`,
    `${DECL}<ListAllMyBucketsResult ${NS}><Owner><ID>x</ID></Owner><Buckets></Buckets>` +
    `</ListAllMyBucketsResult>`,
  ],
};

export const LIST_UPLOADS: Samples = {
  root: "ListMultipartUploadsResult",
  docs: [
    `${DECL}<ListMultipartUploadsResult ${NS}><Bucket>b-1</Bucket><KeyMarker></KeyMarker>` +
    `<UploadIdMarker></UploadIdMarker><NextKeyMarker>big%20file</NextKeyMarker>` +
    `<NextUploadIdMarker>UP2</NextUploadIdMarker><EncodingType>url</EncodingType><MaxUploads>1000` +
    `</MaxUploads><IsTruncated>true</IsTruncated><Upload><Key>big%20file</Key><UploadId>UP1` +
    `</UploadId><Initiated>2026-01-02T03:04:05.000Z</Initiated></Upload><Upload><Key>big%20file` +
    `</Key><UploadId>UP2</UploadId><Initiated>2026-01-02T03:04:06.000Z</Initiated></Upload>` +
    `<CommonPrefixes><Prefix>dir%2F</Prefix></CommonPrefixes></ListMultipartUploadsResult>`,
  ],
};

export const LIST_PARTS: Samples = {
  root: "ListPartsResult",
  docs: [
    `${DECL}<ListPartsResult ${NS}><Bucket>b-1</Bucket><Key>k</Key><UploadId>UP1</UploadId>` +
    `<PartNumberMarker>0</PartNumberMarker><NextPartNumberMarker>2</NextPartNumberMarker>` +
    `<MaxParts>1000</MaxParts><IsTruncated>true</IsTruncated><Part><PartNumber>1</PartNumber>` +
    `<LastModified>2026-01-02T03:04:05.000Z</LastModified><ETag>&quot;p1&quot;</ETag><Size>` +
    `5242880</Size></Part><Part><PartNumber>2</PartNumber><ETag>"p2"</ETag><Size>1</Size></Part>` +
    `</ListPartsResult>`,
  ],
};

export const OBJECT_ATTRIBUTES: Samples = {
  root: "GetObjectAttributesResponse",
  docs: [
    `${DECL}<GetObjectAttributesResponse ${NS}><ETag>"abc-3"</ETag><Checksum><ChecksumCRC32>` +
    `AAAAAA==</ChecksumCRC32><ChecksumType>COMPOSITE</ChecksumType></Checksum><ObjectParts>` +
    `<IsTruncated>true</IsTruncated><MaxParts>2</MaxParts><NextPartNumberMarker>3` +
    `</NextPartNumberMarker><PartNumberMarker>1</PartNumberMarker><PartsCount>3</PartsCount><Part>` +
    `<ChecksumCRC32>BBBBBB==</ChecksumCRC32><PartNumber>2</PartNumber><Size>5242880</Size></Part>` +
    `<Part><PartNumber>3</PartNumber><Size>1048576</Size></Part></ObjectParts><StorageClass>` +
    `STANDARD</StorageClass><ObjectSize>11534336</ObjectSize></GetObjectAttributesResponse>`,
  ],
};

export const ERROR: Samples = {
  root: "Error",
  docs: [
    `${DECL}<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message>` +
    `<Key>k</Key><BucketName>b-1</BucketName><Resource>/b-1/k</Resource><RequestId>17A` +
    `</RequestId><HostId>dd9</HostId></Error>`,
  ],
};

export const DELETE_RESULT: Samples = {
  root: "DeleteResult",
  docs: [
    `${DECL}<DeleteResult ${NS}><Deleted><Key>a</Key></Deleted><Deleted><Key>b</Key><VersionId>` +
    `v1</VersionId><DeleteMarker>true</DeleteMarker><DeleteMarkerVersionId>v2` +
    `</DeleteMarkerVersionId></Deleted><Error><Key>c</Key><VersionId>v3</VersionId><Code>` +
    `AccessDenied</Code><Message>Access Denied</Message></Error></DeleteResult>`,
  ],
};

export const STS: Samples = {
  root: "AssumeRoleResponse",
  docs: [
    `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>` +
    `<Credentials><AccessKeyId>AK</AccessKeyId><SecretAccessKey>SK</SecretAccessKey>` +
    `<SessionToken>TOKEN</SessionToken><Expiration>2030-01-01T00:00:00Z</Expiration>` +
    `</Credentials></AssumeRoleResult><ResponseMetadata><RequestId>1</RequestId>` +
    `</ResponseMetadata></AssumeRoleResponse>`,
  ],
};

export const COPY_RESULT: Samples = {
  root: "CopyObjectResult",
  docs: [
    `${DECL}<CopyObjectResult ${NS}><LastModified>2026-01-02T03:04:05.000Z</LastModified>` +
    `<ETag>&quot;e0&quot;</ETag></CopyObjectResult>`,
  ],
};

export const INITIATE: Samples = {
  root: "InitiateMultipartUploadResult",
  docs: [
    `${DECL}<InitiateMultipartUploadResult ${NS}><Bucket>b-1</Bucket><Key>k</Key><UploadId>UP1` +
    `</UploadId></InitiateMultipartUploadResult>`,
  ],
};

export const COMPLETE: Samples = {
  root: "CompleteMultipartUploadResult",
  docs: [
    `${DECL}<CompleteMultipartUploadResult ${NS}><Location>http://s3/b-1/k</Location><Bucket>b-1` +
    `</Bucket><Key>k</Key><ETag>&quot;abc-2&quot;</ETag></CompleteMultipartUploadResult>`,
  ],
};
