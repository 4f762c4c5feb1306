/** A one-line progress bar for stderr: epoch, share done, running loss and accuracy. */
export function progressBar(stream: NodeJS.WritableStream): (e: { epoch: number; epochs: number; done: number; total: number; loss: number; accuracy: number }) => void {
  const tty = (stream as { isTTY?: boolean }).isTTY === true;
  let lastStep = '';
  return (e) => {
    const width = 30;
    const filled = Math.round((e.done / e.total) * width);
    const line = `epoch ${e.epoch}/${e.epochs} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.round((e.done / e.total) * 100)).padStart(3)}%  loss ${e.loss.toFixed(4)}  acc ${e.accuracy.toFixed(4)}`;
    if (tty) {
      stream.write(`\r${line}${e.done === e.total ? '\n' : ''}`);
      return;
    }
    // Without a terminal (CI logs), one line per fifth of an epoch instead of redrawing.
    const step = `${e.epoch}:${Math.floor((e.done / e.total) * 5)}`;
    if (step !== lastStep) stream.write(`${line}\n`);
    lastStep = step;
  };
}
