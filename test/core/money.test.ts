import { describe, expect, it } from 'vitest';
import { fromCents, toCents, toX12Amount, MoneyFormatError } from '../../lambdas/core/money.js';

describe('money', () => {
  it('converts decimal strings to integer cents and back', () => {
    expect(toCents('125.5')).toBe(12550);
    expect(toCents('0.07')).toBe(7);
    expect(toCents('-12.34')).toBe(-1234);
    expect(fromCents(12550)).toBe('125.50');
    expect(fromCents(-5)).toBe('-0.05');
  });
  it('refuses more than two decimals and non-numbers', () => {
    expect(() => toCents('1.005')).toThrow(MoneyFormatError);
    expect(() => toCents('abc')).toThrow(MoneyFormatError);
  });
  it('renders X12 decimals without trailing zeros', () => {
    expect(toX12Amount(10000)).toBe('100');
    expect(toX12Amount(12550)).toBe('125.5');
    expect(toX12Amount(5)).toBe('0.05');
    expect(toX12Amount(-1234)).toBe('-12.34');
  });
  it('adds 0.1 + 0.2 exactly in cents', () => {
    expect(fromCents(toCents('0.10') + toCents('0.20'))).toBe('0.30');
  });
});
