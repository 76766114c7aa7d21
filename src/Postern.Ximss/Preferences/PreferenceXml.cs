using System.Collections.Immutable;
using Postern.Data;
using Postern.Ximss.Protocol;
using Postern.Ximss.Protocol.Values;
using Postern.Ximss.Protocol.Xml;

namespace Postern.Ximss.Preferences;

/// <summary>
/// Preference values as XIMSS carries them (docs/ximss.md §5.2): a string is the element's text; an array
/// is one <c>&lt;subValue&gt;</c> child per item; a dictionary one <c>&lt;subKey key="…"&gt;</c> child per
/// entry (CommuniGate's XML objects). Other scalars are written as text (numbers in decimal, time stamps
/// as <c>yyyyMMddTHHmmssZ</c>, data blocks in base64) and read back as strings.
/// </summary>
internal static class PreferenceXml
{
    private const string SubValue = "subValue";
    private const string SubKey = "subKey";

    /// <summary>The element <c>&lt;name&gt;value&lt;/name&gt;</c>.</summary>
    public static XimssElement ToElement(string name, DataValue value, ImmutableArray<XimssAttribute> attributes = default) => value switch
    {
        DataArray array => new XimssElement(name, attributes, [.. array.Select(item => ToElement(SubValue, item))]),
        DataDictionary dictionary => new XimssElement(name, attributes,
            [.. dictionary.Select(entry => ToElement(SubKey, entry.Value, [new XimssAttribute("key", entry.Key)]))]),
        DataString text => new XimssElement(name, attributes, text: text.Value),
        DataNumber number => new XimssElement(name, attributes, text: number.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        DataTimestamp stamp => new XimssElement(name, attributes, text: XimssTime.Format(stamp.Value, utcMarker: true)),
        DataBlock block => new XimssElement(name, attributes, text: Convert.ToBase64String(block.Bytes.Span)),
        DataNull => new XimssElement(name, attributes),
        _ => new XimssElement(name, attributes, text: value.ToString()),
    };

    /// <summary>
    /// The value an element carries; an empty element is <see cref="DataNull.Value"/>, which removes the
    /// stored value (the preference falls back to its default).
    /// </summary>
    public static bool TryRead(XimssElement element, out DataValue value, out XimssError? error)
    {
        error = null;
        value = DataNull.Value;
        if (element.Children.IsEmpty)
        {
            if (element.Text.Length > 0)
                value = DataString.From(element.Text);
            return true;
        }

        if (element.Children.All(child => child.NameIs(SubValue)))
        {
            var array = new DataArray(element.Children.Length);
            foreach (var child in element.Children)
            {
                if (!TryReadItem(child, out var item, out error))
                    return false;
                array.Add(item);
            }
            value = array;
            return true;
        }

        if (element.Children.All(child => child.NameIs(SubKey)))
        {
            var dictionary = new DataDictionary();
            foreach (var child in element.Children)
            {
                if (child.FindAttribute("key") is not { Length: > 0 } key)
                {
                    error = XimssError.InvalidElement(element.Name, "a <subKey> without a key");
                    return false;
                }
                if (!TryReadItem(child, out var item, out error))
                    return false;
                dictionary[key] = item;
            }
            value = dictionary;
            return true;
        }

        error = XimssError.InvalidElement(element.Name, "expected text, <subValue> or <subKey> elements");
        return false;
    }

    // Inside an array or dictionary an empty element is an empty string, not a removal.
    private static bool TryReadItem(XimssElement element, out DataValue value, out XimssError? error)
    {
        if (!TryRead(element, out value, out error))
            return false;
        if (value.IsNull)
            value = DataString.Empty;
        return true;
    }
}
