using Quality.Domain.Annotations;
using Quality.Domain.Geometry;

namespace Quality.Domain.Formats.LabelStudio;

/// <summary>Label Studio's rectangle (percent of the image, rotated about its top-left corner) as a pixel box.</summary>
internal static class LabelStudioRectangle
{
    /// <summary>
    /// The axis-aligned pixel box around the rectangle. Percentages scale by the image's size first, because a
    /// rotation is a rotation in pixels (percent units differ along x and y on a non-square image).
    /// </summary>
    /// <remarks>
    /// Label Studio turns a rectangle by <paramref name="rotationDegrees"/> clockwise on screen (y down) about
    /// (x, y): its corners are (x, y), (x + w cos θ, y + w sin θ), (x + w cos θ − h sin θ, y + w sin θ + h cos θ)
    /// and (x − h sin θ, y + h cos θ), as label-studio-converter computes them. At θ = 0 this is (x, y, w, h).
    /// </remarks>
    public static Box2D ToPixels(
        double xPercent, double yPercent, double widthPercent, double heightPercent, double rotationDegrees, ImageSize image)
    {
        var x = xPercent * image.Width / 100;
        var y = yPercent * image.Height / 100;
        var width = widthPercent * image.Width / 100;
        var height = heightPercent * image.Height / 100;
        if (rotationDegrees % 360 == 0)
        {
            return new Box2D(x, y, width, height);
        }

        var angle = rotationDegrees * Math.PI / 180;
        var (sin, cos) = Math.SinCos(angle);
        double[] xs = [0, width * cos, (width * cos) - (height * sin), -height * sin];
        double[] ys = [0, width * sin, (width * sin) + (height * cos), height * cos];
        return new Box2D(x + xs.Min(), y + ys.Min(), xs.Max() - xs.Min(), ys.Max() - ys.Min());
    }
}

