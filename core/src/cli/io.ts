/** Where a command writes; tests pass their own streams. */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export const processIo: CliIo = { stdout: process.stdout, stderr: process.stderr };

export type Command = (argv: string[], io: CliIo) => Promise<number>;
