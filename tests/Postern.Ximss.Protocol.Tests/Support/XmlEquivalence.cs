using Postern.Ximss.Protocol.Xml;

namespace Postern.Ximss.Protocol.Tests.Support;

/// <summary>
/// Compares two XML texts as XIMSS trees: same names, same attributes (in any order, as XML defines),
/// same children in order, same text. Whitespace between elements and <c>/&gt;</c> spelling do not matter.
/// </summary>
internal static class XmlEquivalence
{
    public static void AssertSame(string expected, string actual)
    {
        var difference = Difference(Written.Parse(expected), Written.Parse(actual), "");
        Assert.True(difference is null, $"{difference}\nexpected: {expected}\nactual:   {actual}");
    }

    private static string? Difference(XimssElement expected, XimssElement actual, string path)
    {
        path += "/" + expected.Name;
        if (expected.Name != actual.Name)
            return $"{path}: element <{actual.Name}> instead";
        var expectedAttributes = expected.Attributes.OrderBy(a => a.Name, StringComparer.Ordinal).ToArray();
        var actualAttributes = actual.Attributes.OrderBy(a => a.Name, StringComparer.Ordinal).ToArray();
        if (!expectedAttributes.SequenceEqual(actualAttributes))
            return $"{path}: attributes [{string.Join(", ", actualAttributes)}] instead of [{string.Join(", ", expectedAttributes)}]";
        if (expected.Text != actual.Text)
            return $"{path}: text '{actual.Text}' instead of '{expected.Text}'";
        if (expected.Children.Length != actual.Children.Length)
            return $"{path}: {actual.Children.Length} children instead of {expected.Children.Length}";
        for (var i = 0; i < expected.Children.Length; i++)
        {
            if (Difference(expected.Children[i], actual.Children[i], path) is { } difference)
                return difference;
        }

        return null;
    }
}
