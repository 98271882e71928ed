// Messages above the notebook: errors (a file that could not be opened) stay until dismissed,
// information (the runner restarted) fades on its own.
import type { Notice } from './use-notebook';

export function Notices({ notices, onDismiss }: { notices: Notice[]; onDismiss: (id: number) => void }) {
  if (notices.length === 0) return null;
  return (
    <div className="wb-notices">
      {notices.map((notice) => (
        <div
          key={notice.id}
          className={`wb-notice wb-notice-${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
          data-testid={notice.kind === 'error' ? 'notebook-error' : 'notebook-notice'}
        >
          <span className="wb-notice-text">{notice.text}</span>
          <button type="button" className="wb-notice-close" aria-label="Dismiss" onClick={() => onDismiss(notice.id)}>
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}
