using Postern.Ximss.Protocol.Requests;
using Postern.Ximss.Protocol.Tests.Support;

namespace Postern.Ximss.Protocol.Tests.Requests;

/// <summary>Parses request XML that is expected to be valid, returning the typed request.</summary>
internal static class RequestParsing
{
    public static T Parse<T>(string xml, bool authenticated = true)
        where T : XimssRequest
    {
        var result = XimssRequestParser.Parse(Written.Parse(xml), authenticated);
        Assert.True(result.Succeeded, result.Error?.Text);
        return Assert.IsType<T>(result.Request);
    }
}
