using System.Globalization;
using System.Text;

namespace Postern.Data;

/// <summary>How <see cref="DataWriter"/> lays out the text.</summary>
public enum DataFormatting
{
    /// <summary>One line, no spaces: <c>{Key=Value;List=(a,b);}</c>. CommuniGate's CLI form.</summary>
    Compact,

    /// <summary>
    /// A settings file: a top-level dictionary with one <c>Key = Value;</c> per line, indented two spaces;
    /// nested values compact, as CommuniGate writes its <c>.settings</c> files. Other objects as compact.
    /// </summary>
    Indented,
}

/// <summary>Writes <see cref="DataValue"/> trees in the canonical CommuniGate text form.</summary>
/// <remarks>
/// The output reads back to an equal object (<see cref="DataParser"/>); reading canonical text and writing
/// it again gives the same text. Strings are atoms when <see cref="DataSyntax.CanWriteAsAtom"/> allows,
/// otherwise quoted; time stamps always carry the time (<c>#T22-10-2009_00:00:00</c>).
/// </remarks>
public static class DataWriter
{
    /// <summary>The text of <paramref name="value"/>.</summary>
    public static string Write(DataValue value, DataFormatting formatting = DataFormatting.Compact)
    {
        var builder = new StringBuilder();
        Write(builder, value, formatting);
        return builder.ToString();
    }

    /// <summary>Appends the text of <paramref name="value"/> to <paramref name="builder"/>.</summary>
    public static void Write(StringBuilder builder, DataValue value, DataFormatting formatting = DataFormatting.Compact)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(value);
        if (formatting == DataFormatting.Indented && value is DataDictionary dictionary)
            WriteIndented(builder, dictionary);
        else
            WriteCompact(builder, value);
    }

    /// <summary>The text of <paramref name="value"/> as UTF-8 bytes (no byte order mark), for files.</summary>
    public static byte[] WriteUtf8(DataValue value, DataFormatting formatting = DataFormatting.Compact) =>
        Encoding.UTF8.GetBytes(Write(value, formatting));

    private static void WriteIndented(StringBuilder builder, DataDictionary dictionary)
    {
        builder.Append('{').Append('\n');
        foreach (var (key, item) in dictionary)
        {
            builder.Append("  ");
            DataSyntax.AppendString(builder, key);
            builder.Append(" = ");
            WriteCompact(builder, item);
            builder.Append(";\n");
        }
        builder.Append('}').Append('\n');
    }

    private static void WriteCompact(StringBuilder builder, DataValue value)
    {
        switch (value)
        {
            case DataString s:
                DataSyntax.AppendString(builder, s.Value);
                break;
            case DataNumber n:
                builder.Append('#').Append(n.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case DataTimestamp t:
                builder.Append("#T");
                if (t.IsRemotePast)
                    builder.Append("PAST");
                else if (t.IsRemoteFuture)
                    builder.Append("FUTURE");
                else
                    DataTimestampText.Append(builder, t.Value);
                break;
            case DataIPAddress ip:
                builder.Append("#I[").Append(ip.Address.ToString()).Append(']');
                if (ip.Port is { } port)
                    builder.Append(':').Append(port.ToString(CultureInfo.InvariantCulture));
                break;
            case DataBlock block:
                builder.Append('[').Append(Convert.ToBase64String(block.Bytes.Span)).Append(']');
                break;
            case DataNull:
                builder.Append("#NULL#");
                break;
            case DataArray array:
                builder.Append('(');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                        builder.Append(',');
                    WriteCompact(builder, array[i]);
                }
                builder.Append(')');
                break;
            case DataDictionary dictionary:
                builder.Append('{');
                foreach (var (key, item) in dictionary)
                {
                    DataSyntax.AppendString(builder, key);
                    builder.Append('=');
                    WriteCompact(builder, item);
                    builder.Append(';');
                }
                builder.Append('}');
                break;
            default:
                throw new ArgumentException($"Unknown object type {value.GetType().Name}.", nameof(value));
        }
    }
}
