namespace Postern.Ximss.Tests.Support;

/// <summary>Assertions on the messages of a reply, reported as whole texts so a difference is readable.</summary>
internal static class XimssAssert
{
    public static void Messages(IEnumerable<string> expected, IEnumerable<string> actual) =>
        Assert.Equal(string.Join("\n", expected), string.Join("\n", actual));
}
