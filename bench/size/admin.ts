/**
 * The admin client, imported on purpose: the control for (c). Its bundle must
 * contain the markers that (a) and (b) must not, or their absence proves nothing.
 */
export { MinioAdmin } from "../../admin.ts";
