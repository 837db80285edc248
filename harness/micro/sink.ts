// Where the tasks put what they read, so the engine cannot treat a read as dead code.
export class Sink {
  value = 0;

  /** Reads the sink (a branch the compiler cannot drop); returns it for the caller to log if wanted. */
  observe(): number {
    if (Number.isNaN(this.value)) process.stderr.write('');
    return this.value;
  }
}
