namespace Lab.Vfio.Interop;

/// <summary>
/// Records a C flexible array member (<c>T name[]</c>) that a C# struct cannot declare: the data follows the
/// struct at the offset C gives it (the end of the fields, aligned for the element type).
/// </summary>
[AttributeUsage(AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class FlexibleArrayAttribute : Attribute
{
    /// <summary>Creates the marker.</summary>
    public FlexibleArrayAttribute(string name, Type elementType)
    {
        Name = name;
        ElementType = elementType;
    }

    /// <summary>The C member name.</summary>
    public string Name { get; }

    /// <summary>The element type.</summary>
    public Type ElementType { get; }
}
