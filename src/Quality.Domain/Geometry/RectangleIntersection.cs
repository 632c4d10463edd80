using System.Runtime.CompilerServices;

namespace Quality.Domain.Geometry;

/// <summary>The exact area shared by two rotated rectangles.</summary>
/// <remarks>
/// <para>
/// Works in the first rectangle's own frame (origin at its centre, axes along its length and width), where it is the
/// box [−l/2, l/2] × [−w/2, w/2]: the second rectangle's corners are moved into that frame (centre difference first, so
/// large map coordinates lose no digits), then clipped by the box's four sides (Sutherland–Hodgman against
/// axis-parallel half-planes, so every new vertex lies exactly on its side), and the clipped polygon's area is the
/// shoelace sum. The inputs must already be validated.
/// </para>
/// <para>
/// Cheap exits before clipping, in order: a zero-area rectangle (0); an axis-aligned bounding-box test in the first
/// frame (0); the second rectangle inside the first (its own area, exactly).
/// </para>
/// </remarks>
internal static class RectangleIntersection
{
    // A convex quadrilateral gains at most one vertex per half-plane (4 → 8); the room for 2n per step only guards
    // against rounding making a nearly collinear polygon look non-convex.
    private const int Capacity = 64;

    /// <param name="a">The first rectangle, whose frame the clipping works in.</param>
    /// <param name="b">The second rectangle.</param>
    /// <param name="exitEarly">False clips every pair (tests use it to check that the cheap exits agree with clipping).</param>
    // Compiled optimised at its first call, not left in tier-0 code by a one-shot audit: runs once per overlapping pair of boxes.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Area(in RotatedRectangle a, in RotatedRectangle b, bool exitEarly = true)
    {
        if (a.Area == 0 || b.Area == 0)
        {
            return 0;
        }

        var (sinA, cosA) = Math.SinCos(a.Yaw);
        var dx = b.X - a.X;
        var dy = b.Y - a.Y;
        var u = (cosA * dx) + (sinA * dy);
        var v = (cosA * dy) - (sinA * dx);
        var (sin, cos) = Math.SinCos(b.Yaw - a.Yaw);

        // Half-length and half-width vectors of b in a's frame.
        var lu = cos * b.Length / 2;
        var lv = sin * b.Length / 2;
        var wu = -sin * b.Width / 2;
        var wv = cos * b.Width / 2;
        var halfU = a.Length / 2;
        var halfV = a.Width / 2;
        var reachU = Math.Abs(lu) + Math.Abs(wu);
        var reachV = Math.Abs(lv) + Math.Abs(wv);
        if (exitEarly && (Math.Abs(u) - reachU >= halfU || Math.Abs(v) - reachV >= halfV))
        {
            return 0;
        }

        if (exitEarly && Math.Abs(u) + reachU <= halfU && Math.Abs(v) + reachV <= halfV)
        {
            return b.Area;
        }

        Span<double> pu = stackalloc double[Capacity];
        Span<double> pv = stackalloc double[Capacity];
        Span<double> qu = stackalloc double[Capacity];
        Span<double> qv = stackalloc double[Capacity];

        // Counter-clockwise: +l+w, −l+w, −l−w, +l−w.
        pu[0] = u + lu + wu; pv[0] = v + lv + wv;
        pu[1] = u - lu + wu; pv[1] = v - lv + wv;
        pu[2] = u - lu - wu; pv[2] = v - lv - wv;
        pu[3] = u + lu - wu; pv[3] = v + lv - wv;

        var n = Clip(pu, pv, 4, qu, qv, 1, halfU);
        n = Clip(qu, qv, n, pu, pv, -1, halfU);
        n = Clip(pv, pu, n, qv, qu, 1, halfV);
        n = Clip(qv, qu, n, pv, pu, -1, halfV);
        return Shoelace(pu[..n], pv[..n]);
    }

    /// <summary>Keeps the part of polygon (p, q) where sign·p ≤ limit; returns the new vertex count.</summary>
    // Compiled optimised at its first call, not left in tier-0 code by a one-shot audit: runs once per overlapping pair of boxes.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Clip(
        ReadOnlySpan<double> p, ReadOnlySpan<double> q, int n, Span<double> outP, Span<double> outQ, int sign, double limit)
    {
        var m = 0;
        for (var i = 0; i < n && m < Capacity - 1; i++)
        {
            var j = i + 1 == n ? 0 : i + 1;
            var si = sign * p[i];
            var sj = sign * p[j];
            var inside = si <= limit;
            if (inside)
            {
                outP[m] = p[i];
                outQ[m] = q[i];
                m++;
            }

            if (inside != sj <= limit)
            {
                var t = (limit - si) / (sj - si);
                outP[m] = sign * limit;
                outQ[m] = q[i] + (t * (q[j] - q[i]));
                m++;
            }
        }

        return m;
    }

    // Compiled optimised at its first call, not left in tier-0 code by a one-shot audit: runs once per overlapping pair of boxes.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Shoelace(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length < 3)
        {
            return 0;
        }

        double twice = 0;
        var last = x.Length - 1;
        for (var i = 0; i < last; i++)
        {
            twice += (x[i] * y[i + 1]) - (x[i + 1] * y[i]);
        }

        twice += (x[last] * y[0]) - (x[0] * y[last]);

        // The clip keeps the counter-clockwise orientation; a negative sum is rounding on a vanishing polygon.
        return Math.Max(0, twice / 2);
    }
}
