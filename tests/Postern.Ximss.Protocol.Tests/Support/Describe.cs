using System.Collections;
using System.Text;

namespace Postern.Ximss.Protocol.Tests.Support;

/// <summary>Renders an object's public properties recursively, collections by content, so two parse results can be compared in full.</summary>
internal static class Describe
{
    public static string Of(object? value)
    {
        var text = new StringBuilder();
        Append(text, value, depth: 0);
        return text.ToString();
    }

    private static void Append(StringBuilder text, object? value, int depth)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                return;
            case string or ValueType when value.GetType().IsPrimitive || value is string or Enum or DateTime or TimeSpan:
                text.Append(value);
                return;
            case IEnumerable items:
                text.Append('[');
                foreach (var item in items)
                {
                    Append(text, item, depth + 1);
                    text.Append(',');
                }

                text.Append(']');
                return;
        }

        if (depth > 16)
            throw new InvalidOperationException("Object graph too deep to describe.");
        text.Append(value.GetType().Name).Append('{');
        foreach (var property in value.GetType().GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract"))
        {
            text.Append(property.Name).Append('=');
            Append(text, property.GetValue(value), depth + 1);
            text.Append(';');
        }

        text.Append('}');
    }
}
