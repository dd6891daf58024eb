import {
  diffValues,
  maskChanges,
  mergePatchLines,
  PATCH_KIND_LABELS,
  patchKind,
  patchOps,
  showValue,
  type FieldChange,
} from '@/lib/explorer/body-changes';

/**
 * "What changed" for an update (request vs stored object) or a patch (its body). The diff
 * reads the raw bodies (masked ones would hide that a Secret value changed) and `maskFields`
 * masks its Secret fields; JSON patch ops come from `shownRequest`, masked by maskSecrets.
 */
export function ChangesView({
  verb,
  request,
  response,
  shownRequest,
  maskFields,
}: {
  verb: string | undefined;
  request: unknown;
  response: unknown;
  shownRequest: unknown;
  maskFields: boolean;
}) {
  const mask = (c: FieldChange[]) => (maskFields ? maskChanges(c).changes : c);
  if (verb === 'update' && request !== undefined && response !== undefined) {
    const changes = mask(diffValues(request, response));
    return (
      <Frame note="Fields that differ between the request and the stored object (the audit log does not record the object before the update).">
        {changes.length === 0 ? (
          <p className="text-slate-500">The stored object is the request, unchanged.</p>
        ) : (
          <ChangeLines changes={changes} arrow />
        )}
      </Frame>
    );
  }
  if (verb === 'patch' && request !== undefined) {
    const kind = patchKind(request);
    return (
      <Frame note={PATCH_KIND_LABELS[kind]}>
        {Array.isArray(shownRequest) ? (
          <ul aria-label="Patch operations" className="space-y-0.5">
            {patchOps(shownRequest).map((op, i) => (
              <li key={i} className="break-all">
                <span className="font-semibold text-sky-800">{op.op}</span> {op.path}
                {op.from !== undefined && <span className="text-slate-500"> from {op.from}</span>}
                {op.hasValue && <span className="text-slate-600"> = {showValue(op.value)}</span>}
              </li>
            ))}
          </ul>
        ) : (
          <ChangeLines changes={mask(mergePatchLines(request))} />
        )}
      </Frame>
    );
  }
  return null;
}

function Frame({ note, children }: { note: string; children: React.ReactNode }) {
  return (
    <section aria-label="What changed" className="rounded-md border border-slate-200">
      <div className="rounded-t-md bg-slate-50 px-3 py-1.5 text-sm">
        <span className="font-medium text-slate-700">What changed</span>
        <span className="ml-2 text-xs text-slate-500">{note}</span>
      </div>
      <div className="max-h-80 overflow-auto px-3 py-2 font-mono text-xs leading-5 text-slate-800">
        {children}
      </div>
    </section>
  );
}

function ChangeLines({ changes, arrow = false }: { changes: FieldChange[]; arrow?: boolean }) {
  return (
    <ul aria-label="Changed fields" className="space-y-0.5">
      {changes.map((c, i) => (
        <li key={i} className="break-all">
          <span className="text-sky-800">{c.path}</span>{' '}
          {arrow ? (
            <>
              <span className="text-rose-700">{showValue(c.before)}</span>
              <span className="text-slate-400"> → </span>
              <span className="text-emerald-700">{showValue(c.after)}</span>
            </>
          ) : c.after === null ? (
            <span className="text-rose-700">delete</span>
          ) : (
            <span className="text-emerald-700">= {showValue(c.after)}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
