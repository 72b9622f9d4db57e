import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~db/client.server";
import { requireRole } from "~/auth/guards.server";
import { EXPORT_LINK_MINUTES, exportFilename } from "~/modules/exports/columns";
import { exportStream, recordedExport } from "~/modules/exports/exports.server";
import { notFound } from "~/responses.server";

// The file of an export an admin just asked for on /admin/exports (whose POST recorded it in the
// audit log): streamed from what that entry recorded, for that admin, for a few minutes. Reading
// it writes nothing, so the GET has no side effect.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const now = new Date();
  const recorded = await recordedExport(getDb(), { adminId: admin.id, exportId: params.exportId ?? "", now });
  if (!recorded) {
    throw notFound(`This download is not one you asked for in the last ${EXPORT_LINK_MINUTES} minutes. Go back to /admin/exports and ask for the file again.`);
  }
  return new Response(exportStream(getDb(), recorded), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFilename(recorded.kind, now)}"`,
      // why: the file names people; no browser or proxy cache may keep a copy.
      "Cache-Control": "no-store",
    },
  });
}
