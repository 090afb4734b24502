/**
 * The admin client, imported on purpose from the `./admin` entry alone: the
 * control for (c), and that entry's budget. Its bundle must contain the
 * markers that (a) and (b) must not, or their absence proves nothing.
 */
export { MinioAdmin } from "../../admin.ts";
