/**
 * A short two-tone chime when someone's observation is over, so a nurse
 * looking after the room hears it. Silent where the browser allows no sound
 * yet (before any click on the page) or has no audio.
 */
export function chime(): void {
  try {
    const ctx = new AudioContext();
    const play = (frequency: number, start: number) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = frequency;
      gain.gain.setValueAtTime(0.15, ctx.currentTime + start);
      gain.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + start + 0.35);
      osc.connect(gain).connect(ctx.destination);
      osc.start(ctx.currentTime + start);
      osc.stop(ctx.currentTime + start + 0.4);
    };
    play(880, 0);
    play(660, 0.25);
    window.setTimeout(() => void ctx.close(), 1000);
  } catch {
    // No audio device or not allowed: the on-screen notice is enough.
  }
}
