/** Exit codes of the CLI contract: 0 success, 1 invalid input, 2 usage error. */
export const EXIT_OK = 0;
export const EXIT_INVALID_INPUT = 1;
export const EXIT_USAGE = 2;

/** Invalid input: each problem names the file, the position and the field. */
export class CliInputError extends Error {
  readonly problems: Array<{ file: string; problem: string }>;
  constructor(file: string, problems: string[]);
  constructor(problems: Array<{ file: string; problem: string }>);
  constructor(fileOrProblems: string | Array<{ file: string; problem: string }>, problems: string[] = []) {
    const list = typeof fileOrProblems === 'string' ? problems.map((problem) => ({ file: fileOrProblems, problem })) : fileOrProblems;
    super(list.map((p) => `${p.file}: ${p.problem}`).join('\n'));
    this.name = 'CliInputError';
    this.problems = list;
  }
}

export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}
