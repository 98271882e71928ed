// The tournament's warnings about the data (labels merged by case, rows without a target left
// out, classes too small to score reliably), shown above the results so no one reads a score
// without them. The CLI prints the same sentences as `warning:` lines.
export function DataWarnings({ warnings }: { warnings: readonly string[] | undefined }) {
  if (!warnings?.length) return null;
  return (
    <ul className="am-warnings" data-testid="automl-warnings" role="status">
      {warnings.map((w) => <li key={w}>{w}</li>)}
    </ul>
  );
}
