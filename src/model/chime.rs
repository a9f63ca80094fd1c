//! The optional sound at the end of the discussion timer: a soft two-note chime made as a small
//! WAV file in memory, so nothing is downloaded and no audio library is needed. Sines come from
//! a recurrence (y[n] = 2·cos(w)·y[n−1] − y[n−2]) with cos and sin by short series, which keeps
//! the float maths library out of the wasm.

/// Samples per second: plenty for a chime, and a small file (about 66 kB).
pub const SAMPLE_RATE: u32 = 22_050;
const SECONDS_X10: u32 = 15;
/// The two notes, in Hz: C5 and G5, a calm fifth.
const NOTES: [(f64, f64); 2] = [(523.25, 0.6), (783.99, 0.4)];
/// Loudness: a quarter of full scale, so it never startles.
const VOLUME: f64 = 0.25;
/// How fast the chime fades, in seconds (time constant of the decay).
const FADE_S: f64 = 0.35;
const ATTACK_S: f64 = 0.01;

/// cos and sin of a small angle (|x| < 0.3; the notes need 0.23) by their Taylor series: error
/// below 1e-9.
fn cos_sin(x: f64) -> (f64, f64) {
    let x2 = x * x;
    let cos = 1.0 - x2 / 2.0 + x2 * x2 / 24.0 - x2 * x2 * x2 / 720.0 + x2 * x2 * x2 * x2 / 40_320.0;
    let sin = x * (1.0 - x2 / 6.0 + x2 * x2 / 120.0 - x2 * x2 * x2 / 5_040.0);
    (cos, sin)
}

/// The chime's samples, 16-bit signed, mono.
pub fn samples() -> Vec<i16> {
    let count = (SAMPLE_RATE * SECONDS_X10 / 10) as usize;
    let rate = f64::from(SAMPLE_RATE);
    let mut voices: Vec<(f64, f64, f64, f64)> = NOTES
        .iter()
        .map(|&(hz, weight)| {
            let (cos, sin) = cos_sin(2.0 * std::f64::consts::PI * hz / rate);
            // (2·cos w, y[n−1], y[n−2], weight): starts at y[0] = 0, y[−1] = −sin w.
            (2.0 * cos, 0.0, -sin, weight)
        })
        .collect();
    let attack = ATTACK_S * rate;
    // exp(−1/(FADE_S·rate)) to well below 1e-9: 1 − a + a²/2.
    let a = 1.0 / (FADE_S * rate);
    let decay = 1.0 - a + a * a / 2.0;
    let mut fade = 1.0;
    (0..count)
        .map(|n| {
            let mut mix = 0.0;
            for (c, y1, y2, weight) in &mut voices {
                mix += *weight * *y1;
                let y = *c * *y1 - *y2;
                *y2 = *y1;
                *y1 = y;
            }
            let rise = (n as f64 / attack).min(1.0);
            fade *= decay;
            (mix * rise * fade * VOLUME * f64::from(i16::MAX)) as i16
        })
        .collect()
}

/// The chime as a WAV file (RIFF, PCM).
pub fn wav() -> Vec<u8> {
    let samples = samples();
    let data_len = (samples.len() * 2) as u32;
    let mut out = Vec::with_capacity(44 + samples.len() * 2);
    out.extend_from_slice(b"RIFF");
    out.extend_from_slice(&(36 + data_len).to_le_bytes());
    out.extend_from_slice(b"WAVEfmt ");
    out.extend_from_slice(&16u32.to_le_bytes()); // size of the fmt chunk
    out.extend_from_slice(&1u16.to_le_bytes()); // PCM
    out.extend_from_slice(&1u16.to_le_bytes()); // mono
    out.extend_from_slice(&SAMPLE_RATE.to_le_bytes());
    out.extend_from_slice(&(SAMPLE_RATE * 2).to_le_bytes()); // bytes per second
    out.extend_from_slice(&2u16.to_le_bytes()); // bytes per sample
    out.extend_from_slice(&16u16.to_le_bytes()); // bits per sample
    out.extend_from_slice(b"data");
    out.extend_from_slice(&data_len.to_le_bytes());
    for s in samples {
        out.extend_from_slice(&s.to_le_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_series_match_the_real_cos_and_sin() {
        for x in [0.0, 0.01, 0.149, 0.2234, 0.3] {
            let (c, s) = cos_sin(x);
            assert!((c - f64::cos(x)).abs() < 1e-9, "cos {x}");
            assert!((s - f64::sin(x)).abs() < 1e-9, "sin {x}");
        }
    }

    #[test]
    fn the_recurrence_makes_the_notes_asked_for() {
        // The chime against the same notes made with the real sine: they agree closely.
        let s = samples();
        let rate = f64::from(SAMPLE_RATE);
        let attack = ATTACK_S * rate;
        let a = 1.0 / (FADE_S * rate);
        for n in [1usize, 100, 5_000, 20_000] {
            let t = n as f64 / rate;
            let mix: f64 = NOTES
                .iter()
                .map(|&(hz, w)| w * f64::sin(2.0 * std::f64::consts::PI * hz * t))
                .sum();
            let expected = mix
                * (n as f64 / attack).min(1.0)
                * f64::exp(-a * (n + 1) as f64)
                * VOLUME
                * f64::from(i16::MAX);
            assert!(
                (f64::from(s[n]) - expected).abs() < 2.0,
                "sample {n}: {} vs {expected}",
                s[n]
            );
        }
    }

    #[test]
    fn it_is_quiet_starts_softly_and_fades_out() {
        let s = samples();
        assert_eq!(s.len(), 33_075, "1.5 s");
        let peak = s.iter().map(|v| v.unsigned_abs()).max().unwrap_or(0);
        assert!(peak <= (f64::from(i16::MAX) * VOLUME) as u16 + 1, "{peak}");
        assert!(peak > 4_000, "audible: {peak}");
        assert!(
            s[..20].iter().all(|v| v.unsigned_abs() < 1_000),
            "no click at the start"
        );
        let tail = s[s.len() - 200..]
            .iter()
            .map(|v| v.unsigned_abs())
            .max()
            .unwrap_or(0);
        assert!(tail < 200, "faded out: {tail}");
    }

    #[test]
    fn the_file_is_a_valid_pcm_wav() {
        let w = wav();
        assert_eq!(&w[0..4], b"RIFF");
        assert_eq!(&w[8..16], b"WAVEfmt ");
        assert_eq!(
            u32::from_le_bytes([w[4], w[5], w[6], w[7]]) as usize,
            w.len() - 8
        );
        assert_eq!(
            u32::from_le_bytes([w[24], w[25], w[26], w[27]]),
            SAMPLE_RATE
        );
        assert_eq!(&w[36..40], b"data");
        assert_eq!(
            u32::from_le_bytes([w[40], w[41], w[42], w[43]]) as usize,
            w.len() - 44
        );
    }
}
