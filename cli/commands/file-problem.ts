// What went wrong opening a file, in words, naming the path — never a raw `EISDIR: illegal
// operation on a directory, read`. Shared by every command that reads an input path.

const PROBLEMS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a directory, not a file',
  ENOTDIR: 'a part of the path is a file, not a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'too many symbolic links in the path',
  ENAMETOOLONG: 'the path is too long',
  EMFILE: 'too many open files',
};

/** `cannot read <what> <path>: <problem>` for a failed read of an input file. */
export function fileProblem(path: string, err: unknown, what = ''): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const known = code ? PROBLEMS[code] : undefined;
  // Node's own messages start with the code and end with the syscall and path: keep the middle.
  const plain = known ?? ((err as Error | undefined)?.message ?? String(err)).replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '');
  return `cannot read ${what ? `${what} ` : ''}${path}: ${plain}`;
}
