# Pinned versions of the test bed's Go-built servers and tools.
# Sourced by the other scripts; change a pin here and nowhere else.
MINIO_MODULE=github.com/minio/minio
MINIO_VERSION=v0.0.0-20260212201848-7aac2a2c5b7c
MC_MODULE=github.com/minio/mc
MC_VERSION=v0.0.0-20250313080218-cf909e1063a9
KES_MODULE=github.com/minio/kes
KES_PACKAGE=github.com/minio/kes/cmd/kes
KES_VERSION=v0.24.0
# Toxiproxy's server (its cmd/server package builds a binary named server),
# the TCP fault proxy of the fault-injection tests.
TOXIPROXY_PACKAGE=github.com/Shopify/toxiproxy/v2/cmd/server
TOXIPROXY_VERSION=v2.12.0
# amazon-ec2-metadata-mock: EC2 instance metadata (IMDSv2) for IamAwsProvider's tests.
EC2_METADATA_MOCK_PACKAGE=github.com/aws/amazon-ec2-metadata-mock/cmd/ec2-metadata-mock
EC2_METADATA_MOCK_VERSION=v1.13.0
