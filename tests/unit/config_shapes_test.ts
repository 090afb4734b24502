/**
 * The configuration classes whose constructors take an options object
 * refuse an unknown key (naming the nearest known one) and a value of the
 * wrong type. scripts/gen_clients.ts --check keeps each class's key list
 * equal to its options type.
 */
import { match, ok, test, throws } from "../harness.ts";
import {
  AndOperator,
  CopySource,
  Destination,
  ENABLED,
  Expiration,
  Filter,
  InvalidArgumentError,
  LifecycleRule,
  NoncurrentVersionExpiration,
  NoncurrentVersionTransition,
  NotificationConfig,
  QueueConfig,
  ReplicationRule,
  SourceSelectionCriteria,
  Transition,
  VersioningConfig,
} from "../../mod.ts";

const ARN = "arn:minio:sqs::1:webhook";
const dest = new Destination("arn:aws:s3:::dest");

// [class name, build with given options, a near-miss key, the key it means]
const CASES: [string, (options: never) => unknown, string, string][] = [
  ["CopySource", (o) => new CopySource("b-1", "o", o), "versionID", "versionId"],
  ["AndOperator", (o) => new AndOperator(o), "prefx", "prefix"],
  ["Filter", (o) => new Filter(o), "tags", "tag"],
  ["LifecycleRule", (o) => new LifecycleRule(ENABLED, o), "ruleID", "ruleId"],
  ["Expiration", (o) => new Expiration(o), "dayz", "days"],
  ["Transition", (o) => new Transition(o), "storage_class", "storageClass"],
  [
    "NoncurrentVersionExpiration",
    (o) => new NoncurrentVersionExpiration(o),
    "noncurrentDay",
    "noncurrentDays",
  ],
  [
    "NoncurrentVersionTransition",
    (o) => new NoncurrentVersionTransition(o),
    "noncurrentDay",
    "noncurrentDays",
  ],
  [
    "NotificationTarget",
    (o) => new QueueConfig(ARN, ["s3:ObjectCreated:*"], o),
    "configID",
    "configId",
  ],
  ["NotificationConfig", (o) => new NotificationConfig(o), "queueConfigs", "queueConfigList"],
  ["ReplicationRule", (o) => new ReplicationRule(ENABLED, dest, o), "priorty", "priority"],
  ["Destination", (o) => new Destination("arn:aws:s3:::dest", o), "storageclass", "storageClass"],
  [
    "SourceSelectionCriteria",
    (o) => new SourceSelectionCriteria(o),
    "replicaModification",
    "replicaModifications",
  ],
  ["VersioningConfig", (o) => new VersioningConfig(ENABLED, o), "excludeFolder", "excludeFolders"],
];

test("config classes: an unknown option names the nearest key", () => {
  for (const [name, make, typo, meant] of CASES) {
    throws(
      () => make({ [typo]: 1 } as never),
      (e: Error) =>
        e instanceof InvalidArgumentError &&
        e.message === `${name}: unknown option '${typo}' in options; did you mean '${meant}'?`,
      name,
    );
  }
});

test("config classes: a value of the wrong type is refused, naming the key", () => {
  for (const [name, make, , meant] of CASES) {
    const e = (() => {
      try {
        make({ [meant]: Symbol("x") } as never);
      } catch (e) {
        return e as Error;
      }
    })();
    ok(e instanceof InvalidArgumentError, `${name}: ${e}`);
    match(e.message, new RegExp(`^${name}: options\\.${meant} must be .*; got the symbol`), name);
  }
  throws(
    () => new VersioningConfig(ENABLED, "x" as never),
    /VersioningConfig: options must be an options object; got the string "x"/,
  );
});
