using System.Reflection;
using System.Runtime.InteropServices;
using Lab.Vfio.Interop;

namespace Lab.Vfio.Tests.Layout;

/// <summary>
/// The layout the CLR gives a sequential blittable struct on a target ABI: natural alignment, 8-byte
/// <c>long</c>/<c>ulong</c> alignment (arm EABI, arm64 and x86-64 all agree), pointer-sized IntPtr. On the
/// host it is checked against Marshal.OffsetOf/SizeOf, so it can stand in for armv7 and arm64 runtimes here;
/// on the boards <c>lab-agent selfcheck</c> checks the real runtime.
/// </summary>
internal static class ClrLayoutModel
{
    public static IEnumerable<Type> InteropStructs() =>
        typeof(vfio_device_info).Assembly.GetTypes()
            .Where(t => t.IsValueType && !t.IsEnum && t.IsPublic && t.Namespace == typeof(vfio_device_info).Namespace)
            .OrderBy(t => t.Name, StringComparer.Ordinal);

    /// <summary>Fields in declaration (= layout) order.</summary>
    public static IReadOnlyList<FieldInfo> Fields(Type t) =>
        t.GetFields(BindingFlags.Public | BindingFlags.Instance)
            .OrderBy(f => Marshal.OffsetOf(t, f.Name).ToInt64())
            .ToList();

    public static (long Size, long Align) SizeAlign(Type t, int pointerSize)
    {
        if (t == typeof(byte) || t == typeof(sbyte)) { return (1, 1); }
        if (t == typeof(ushort) || t == typeof(short)) { return (2, 2); }
        if (t == typeof(uint) || t == typeof(int)) { return (4, 4); }
        if (t == typeof(ulong) || t == typeof(long)) { return (8, 8); }
        if (t == typeof(IntPtr) || t == typeof(UIntPtr)) { return (pointerSize, pointerSize); }
        Assert.That(t.IsValueType && !t.IsPrimitive, Is.True, $"no ABI model for field type {t}");
        var layout = Layout(t, pointerSize);
        return (layout.Size, layout.Align);
    }

    public static StructModel Layout(Type t, int pointerSize)
    {
        long offset = 0, align = 1;
        var fields = new List<(string Name, long Offset, long Size, bool Newer)>();
        foreach (var f in Fields(t))
        {
            var (size, a) = SizeAlign(f.FieldType, pointerSize);
            offset = AlignUp(offset, a);
            fields.Add((f.Name, offset, size, f.GetCustomAttribute<KernelSinceAttribute>() is not null));
            offset += size;
            align = Math.Max(align, a);
        }

        return new StructModel(t.Name, fields, offset, AlignUp(offset, align), align);
    }

    public static long AlignUp(long value, long align) => (value + align - 1) / align * align;

    internal sealed record StructModel(
        string Name,
        IReadOnlyList<(string Name, long Offset, long Size, bool Newer)> Fields,
        long FieldsEnd,
        long Size,
        long Align);
}
