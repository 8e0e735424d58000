/**
 * Checks one segment's elements against its guide entry: usage (required,
 * not used), composites, repeats, lengths, types, code lists, the DTP
 * date-period rule, trailing separators and the standard's syntax notes.
 */
import type { GuideElement, GuideSegment, SyntaxRule } from '../guides/types.js';
import type { Delimiters, Segment } from '../types.js';
import { FINDING, type FindingCode } from './findings.js';
import { characterProblem, periodProblem, typeProblem, x12Length } from './values.js';

export interface ElementIssue {
  code: FindingCode;
  message: string;
  element?: string;
}

export interface CheckOptions {
  /** ISA: fixed-width elements are checked untrimmed and blanks count as values. */
  fixedWidth?: boolean;
}

export function checkSegment(segment: Segment, spec: GuideSegment, delimiters: Delimiters, options: CheckOptions = {}): ElementIssue[] {
  const issues: ElementIssue[] = [];
  const raw = segment.elements;
  const count = raw.length - 1;
  const value = (index: number): string => {
    const text = raw[index] ?? '';
    return options.fixedWidth ? text : text.trim();
  };

  if (!options.fixedWidth && count > 0 && value(count) === '') {
    issues.push({ code: FINDING.SEG_TRAILING_SEPARATOR, message: `${spec.id} ends with empty elements (trailing element separators)` });
  }
  let used = count;
  while (used > 0 && value(used) === '') used--;
  if (used > spec.elements.length) {
    issues.push({ code: FINDING.SEG_TOO_MANY_ELEMENTS, message: `${spec.id} has ${used} elements; the standard defines ${spec.elements.length}` });
  }

  spec.elements.forEach((element, i) => {
    const text = value(i + 1);
    if (text === '') {
      if (element.usage === 'R') issues.push({ code: FINDING.ELEM_REQUIRED, message: `required element ${element.ref}${named(element)} is missing`, element: element.ref });
      return;
    }
    if (element.usage === 'N') {
      issues.push({ code: FINDING.ELEM_NOT_USED, message: `element ${element.ref}${named(element)} is not used in this guide`, element: element.ref });
      return;
    }
    const repeats = delimiters.repetition && !options.fixedWidth && text.includes(delimiters.repetition) ? text.split(delimiters.repetition) : [text];
    if (repeats.length > (element.repeat ?? 1)) {
      issues.push({
        code: FINDING.ELEM_REPEAT,
        message: element.repeat ? `element ${element.ref} repeats more than ${element.repeat} times` : `element ${element.ref} does not repeat but holds the repetition separator`,
        element: element.ref,
      });
      return;
    }
    for (const repeat of repeats) {
      if (element.components) checkComposite(repeat, element, delimiters, issues);
      else checkSimple(repeat, element, delimiters, issues, options);
    }
    if (element.rule === 'date-period') {
      const problem = periodProblem(value(i), text);
      if (problem) issues.push({ code: FINDING.ELEM_TYPE, message: `${element.ref} ${problem}`, element: element.ref });
    }
  });

  for (const rule of spec.syntax ?? []) {
    const broken = syntaxProblem(rule, (n) => value(n) !== '');
    if (broken) issues.push({ code: FINDING.ELEM_SYNTAX, message: `${spec.id} syntax rule ${ruleName(rule)}: ${broken}`, element: `${spec.id}${pad(rule.elements[0] ?? 0)}` });
  }
  return issues;
}

function checkComposite(text: string, element: GuideElement, delimiters: Delimiters, issues: ElementIssue[]): void {
  const components = element.components ?? [];
  const parts = text.split(delimiters.component).map((part) => part.trim());
  if (parts.length > 1 && parts[parts.length - 1] === '') {
    issues.push({ code: FINDING.SEG_TRAILING_SEPARATOR, message: `${element.ref} ends with empty components (trailing component separators)`, element: element.ref });
  }
  let used = parts.length;
  while (used > 0 && parts[used - 1] === '') used--;
  if (used > components.length) {
    issues.push({ code: FINDING.SEG_TOO_MANY_ELEMENTS, message: `${element.ref} has ${used} components; the standard defines ${components.length}`, element: element.ref });
  }
  components.forEach((component, c) => {
    const part = parts[c] ?? '';
    if (part === '') {
      if (component.usage === 'R') issues.push({ code: FINDING.ELEM_REQUIRED, message: `required component ${component.ref}${named(component)} is missing`, element: component.ref });
      return;
    }
    if (component.usage === 'N') {
      issues.push({ code: FINDING.ELEM_NOT_USED, message: `component ${component.ref}${named(component)} is not used in this guide`, element: component.ref });
      return;
    }
    checkValue(part, component, issues);
  });
}

function checkSimple(text: string, element: GuideElement, delimiters: Delimiters, issues: ElementIssue[], options: CheckOptions): void {
  // ISA16 is the component separator itself; elsewhere it cannot be data.
  if (!options.fixedWidth && text.includes(delimiters.component)) {
    issues.push({ code: FINDING.ELEM_TYPE, message: `${element.ref} is a simple element but holds the component separator`, element: element.ref });
    return;
  }
  checkValue(options.fixedWidth ? text : text, element, issues, options.fixedWidth);
}

function checkValue(text: string, element: GuideElement, issues: ElementIssue[], fixedWidth = false): void {
  const length = x12Length(text, element.type);
  if (length < element.min || length > element.max) {
    const rule = element.min === element.max ? `exactly ${element.min}` : `${element.min} to ${element.max}`;
    issues.push({ code: FINDING.ELEM_LENGTH, message: `${element.ref}${named(element)} has ${length} characters; the guide allows ${rule}`, element: element.ref });
  }
  const checked = fixedWidth ? text.trim() : text;
  if (element.codes) {
    if (!element.codes.includes(checked)) {
      issues.push({ code: FINDING.ELEM_CODE, message: `${element.ref}${named(element)} is not one of the guide's codes for this element`, element: element.ref });
    }
    return;
  }
  if (fixedWidth && element.type === 'AN') {
    const problem = characterProblem(text);
    if (problem) issues.push({ code: FINDING.ELEM_TYPE, message: `${element.ref} ${problem}`, element: element.ref });
    return;
  }
  const problem = typeProblem(checked, element.type, element.max);
  if (problem) issues.push({ code: FINDING.ELEM_TYPE, message: `${element.ref}${named(element)} ${problem}`, element: element.ref });
}

function syntaxProblem(rule: SyntaxRule, present: (n: number) => boolean): string | undefined {
  const flags = rule.elements.map(present);
  const some = flags.filter(Boolean).length;
  const [first, ...others] = flags;
  switch (rule.kind) {
    case 'P':
      return some > 0 && some < flags.length ? 'these elements must be present together' : undefined;
    case 'R':
      return some === 0 ? 'at least one of these elements is required' : undefined;
    case 'E':
      return some > 1 ? 'only one of these elements may be present' : undefined;
    case 'C':
      return first && others.some((p) => !p) ? 'when the first element is present the others are required' : undefined;
    case 'L':
      return first && !others.some(Boolean) ? 'when the first element is present one of the others is required' : undefined;
  }
}

function ruleName(rule: SyntaxRule): string {
  return `${rule.kind}${rule.elements.map(pad).join('')}`;
}

function named(element: GuideElement): string {
  return element.name ? ` (${element.name})` : '';
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
