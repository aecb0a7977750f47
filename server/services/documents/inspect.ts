import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';
import { contentAgrees, SNIFF_BYTES, type FileRefusal, type FileRule } from './file-types';

export class FileRefused extends Error {
  constructor(public readonly reason: FileRefusal) {
    super(`file refused: ${reason}`);
  }
}

/**
 * A pass-through that checks an upload while it streams to storage: holds
 * back the first 64 KiB until the content check has agreed with the
 * extension, validates UTF-8 as it goes for text formats, and computes the
 * SHA-256 and size. It fails (and so fails the storage write, which then
 * leaves nothing) as soon as the file is refused. Memory: 64 KiB per upload.
 */
export class UploadInspector extends Transform {
  private readonly hash = createHash('sha256');
  private readonly utf8: TextDecoder | null;
  private head: Buffer[] = [];
  private headLength = 0;
  private checked = false;
  size = 0;
  sha256 = '';
  detected: string | undefined;

  constructor(private readonly rule: FileRule) {
    super();
    this.utf8 = rule.detected === 'text' ? new TextDecoder('utf-8', { fatal: true }) : null;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    if (this.utf8) {
      try {
        this.utf8.decode(chunk, { stream: true });
      } catch {
        return done(new FileRefused('textNotUtf8'));
      }
    }
    if (this.checked) return done(null, chunk);
    this.head.push(chunk);
    this.headLength += chunk.length;
    if (this.headLength < SNIFF_BYTES) return done();
    this.check(done);
  }

  override _flush(done: TransformCallback): void {
    if (this.utf8) {
      try {
        this.utf8.decode(); // a sequence cut at the very end
      } catch {
        return done(new FileRefused('textNotUtf8'));
      }
    }
    const finish: TransformCallback = (err) => {
      if (err) return done(err);
      this.sha256 = this.hash.digest('hex');
      done();
    };
    if (this.checked) return finish();
    this.check(finish);
  }

  private check(done: TransformCallback): void {
    const head = Buffer.concat(this.head);
    this.head = [];
    fileTypeFromBuffer(head.subarray(0, SNIFF_BYTES)).then(
      (type) => {
        this.detected = type?.mime;
        const refusal = contentAgrees(this.rule, type?.mime, head);
        if (refusal) return done(new FileRefused(refusal));
        this.checked = true;
        this.push(head);
        done();
      },
      (err: Error) => done(err),
    );
  }
}
