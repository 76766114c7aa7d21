using System.Text;
using Postern.Mime.Headers;

namespace Postern.Mime.Tests.Headers;

public class MessageIdsTests
{
    [Theory]
    [InlineData("<a@b>", new[] { "a@b" })]
    [InlineData("<a@b> <c@d>\r\n <e@f>", new[] { "a@b", "c@d", "e@f" })]
    [InlineData("Your message of \"Mon\" <a@b>", new[] { "a@b" })]
    [InlineData("<a@b><c@d>", new[] { "a@b", "c@d" })]
    [InlineData("a@b, c@d", new[] { "a@b", "c@d" })]
    [InlineData("<broken\r\n @id>", new[] { "broken@id" })]
    [InlineData("no identifiers here", new string[0])]
    public void IdentifiersAreReadWithoutBrackets(string value, string[] expected) =>
        Assert.Equal(expected, MessageIds.Parse(Encoding.ASCII.GetBytes(value)));
}
