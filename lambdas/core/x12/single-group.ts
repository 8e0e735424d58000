/**
 * The envelope of the files a trading partner sends back (835, 999, 277CA):
 * one interchange, one functional group, one transaction set per body, with
 * ISA13 = GS06 and ST02 0001, 0002, ... The writers build every body first,
 * so a model the guide refuses never leaves a half-written file.
 */
import { InterchangeWriter } from './envelope.js';
import type { Delimiters } from './types.js';
import type { SegmentWriter, SegmentWriterOptions } from './writer.js';

export interface SingleGroupEnvelope {
  /** ISA05/ISA06: the party sending the file. */
  senderQualifier: string;
  senderId: string;
  /** ISA07/ISA08: the party receiving it. */
  receiverQualifier: string;
  receiverId: string;
  /** GS02/GS03; default to the ISA ids. */
  gsSenderCode?: string;
  gsReceiverCode?: string;
  /** ISA13 and GS06: 1..999999999. */
  controlNumber: number;
  createdAt: Date;
  /** IANA zone for the ISA/GS dates and times (default UTC). */
  timeZone?: string;
  /** ISA15 (default T). */
  usage?: 'T' | 'P';
  delimiters?: Partial<Delimiters>;
  lineBreak?: SegmentWriterOptions['lineBreak'];
}

export interface GroupKind {
  /** GS01, e.g. "HP". */
  functionalId: string;
  /** GS08, e.g. "005010X221A1". */
  version: string;
  /** ST01, e.g. "835". */
  transactionType: string;
  /** ST03; omitted where the guide does not use it (the 835). */
  implementationReference?: string;
}

/** Writes the interchange; `writeBody(out, i)` writes the segments between ST and SE of transaction set i. */
export function writeSingleGroupInterchange(
  envelope: SingleGroupEnvelope,
  kind: GroupKind,
  transactionCount: number,
  writeBody: (out: SegmentWriter, index: number) => void,
): string {
  const x = new InterchangeWriter(
    {
      senderQualifier: envelope.senderQualifier,
      senderId: envelope.senderId,
      receiverQualifier: envelope.receiverQualifier,
      receiverId: envelope.receiverId,
      controlNumber: envelope.controlNumber,
      createdAt: envelope.createdAt,
      timeZone: envelope.timeZone,
      usage: envelope.usage ?? 'T',
    },
    { delimiters: envelope.delimiters, lineBreak: envelope.lineBreak },
  );
  x.beginGroup({
    functionalId: kind.functionalId,
    senderCode: envelope.gsSenderCode ?? envelope.senderId,
    receiverCode: envelope.gsReceiverCode ?? envelope.receiverId,
    controlNumber: envelope.controlNumber,
    version: kind.version,
    createdAt: envelope.createdAt,
    timeZone: envelope.timeZone,
  });
  for (let index = 0; index < transactionCount; index++) {
    x.beginTransaction(kind.transactionType, String(index + 1).padStart(4, '0'), kind.implementationReference);
    writeBody(x.out, index);
    x.endTransaction();
  }
  x.endGroup();
  return x.finish();
}
