/** 500000 → "5,000元", 500050 → "5,000.50元": an amount in fen (分) as messages and documents write it. */
export function formatYuan(fen: number): string {
  const whole = Math.trunc(fen / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = Math.abs(fen % 100);
  return cents === 0 ? `${whole}元` : `${whole}.${String(cents).padStart(2, '0')}元`;
}
