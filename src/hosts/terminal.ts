/** Where the CLI host and the demo write: stdout and stderr, or what a test collects. */
export interface Terminal {
  stdout(text: string): void;
  stderr(text: string): void;
}
