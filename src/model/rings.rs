//! Geometry of the rings picture (the socio-ecological model of Annex 1): where each norm's
//! number goes. Pure, so its layout rules are tested natively.

// Whole numbers only: formatting floats and computing sines would add about 20 kB to the page.
pub const SIZE: i32 = 440;
pub const CENTRE: i32 = SIZE / 2;
/// Outer radius of each ring, innermost (individual) first.
pub const RADII: [i32; 4] = [70, 115, 160, 210];
/// Points around a circle, as (cos, sin) × 1000, starting at the right and going clockwise.
const DIRECTIONS: [(i32, i32); 16] = [
    (1000, 0),
    (924, 383),
    (707, 707),
    (383, 924),
    (0, 1000),
    (-383, 924),
    (-707, 707),
    (-924, 383),
    (-1000, 0),
    (-924, -383),
    (-707, -707),
    (-383, -924),
    (0, -1000),
    (383, -924),
    (707, -707),
    (924, -383),
];

/// Where the k-th of n norms on a ring sits: spread evenly along the middle of the ring,
/// leaving out the top, where the ring's name is written. More than 12 norms on one ring
/// go round again a little further in.
pub fn position(ring: usize, k: usize, n: usize) -> (i32, i32) {
    let inner = if ring == 0 { 0 } else { RADII[ring - 1] };
    let mid = if ring == 0 {
        35
    } else {
        (inner + RADII[ring]) / 2
    };
    // 12 of the 16 directions: from 14 (upper right) clockwise round to 9 (upper left).
    let slots = 12;
    // Centred on the bottom (slot 6): one norm sits at the bottom, two at either side of it...
    let per_lap = n.clamp(1, slots);
    let slot = (2 * (k % slots) + 1) * slots / (2 * per_lap);
    let (dx, dy) = DIRECTIONS[(14 + slot) % 16];
    let r = mid - 12 * (k / slots) as i32;
    (CENTRE + r * dx / 1000, CENTRE + r * dy / 1000)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn distance_from_centre((x, y): (i32, i32)) -> i32 {
        let (dx, dy) = ((x - CENTRE) as f64, (y - CENTRE) as f64);
        (dx * dx + dy * dy).sqrt().round() as i32
    }

    #[test]
    fn one_norm_sits_at_the_bottom_of_its_ring() {
        let (x, y) = position(2, 0, 1);
        assert_eq!(x, CENTRE);
        assert!(y > CENTRE);
    }

    #[test]
    fn every_norm_lies_inside_its_own_ring_and_none_share_a_place() {
        for ring in 0..4 {
            let inner = if ring == 0 { 0 } else { RADII[ring - 1] };
            for n in 1..=12 {
                let points: Vec<_> = (0..n).map(|k| position(ring, k, n)).collect();
                for p in &points {
                    let d = distance_from_centre(*p);
                    assert!(
                        d > inner && d < RADII[ring],
                        "ring {ring}, n {n}: {p:?} at {d}"
                    );
                    // Clear of the label at the top of the ring.
                    assert!(
                        p.1 > CENTRE - RADII[ring] + 28 || p.0 > CENTRE + 60 || p.0 < CENTRE - 60,
                        "{p:?}"
                    );
                }
                let mut unique = points.clone();
                unique.sort();
                unique.dedup();
                assert_eq!(unique.len(), n, "ring {ring}: {n} norms share a place");
            }
        }
    }

    #[test]
    fn many_norms_on_one_ring_go_round_again_further_in() {
        let first = position(3, 0, 20);
        let again = position(3, 12, 20);
        assert!(distance_from_centre(again) < distance_from_centre(first));
    }
}
