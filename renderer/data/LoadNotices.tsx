import { dataClient, describeFailure } from './data-client';
import { useDataState } from './use-data';

/** Load errors, each naming the file (and line/column when known), until dismissed. */
export function LoadNotices() {
  const { notices } = useDataState();
  if (notices.length === 0) return null;
  return (
    <ul className="td-notices">
      {notices.map((notice) => (
        <li key={notice.id} className="td-notice" role="alert" data-testid="data-load-error" data-file={notice.fileName}>
          <div className="td-notice-body">
            <strong>Could not load {notice.fileName}</strong>
            <span className="td-notice-message">{describeFailure(notice)}</span>
          </div>
          <button type="button" className="td-icon-button" aria-label="Dismiss" data-testid="data-load-error-dismiss" onClick={() => dataClient.dismissNotice(notice.id)}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
