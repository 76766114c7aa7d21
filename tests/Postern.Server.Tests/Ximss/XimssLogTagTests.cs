using Postern.Server.Logging;
using Postern.Ximss;

namespace Postern.Server.Tests.Ximss;

public class XimssLogTagTests
{
    [Fact]
    public void TheXimssModuleTagsItsRecordsTheWayTheLoggerProviderReadsThem()
    {
        Assert.Equal(LogTags.ScopeKey, XimssLog.ScopeKey);
        Assert.Equal(LogTags.XimssListener, XimssLog.ListenerCategory);
        Assert.Equal(LogTags.XimssSession, XimssLog.SessionCategory);
        Assert.Equal(LogTags.XimssListener, LogTags.ForCategory(XimssLog.ListenerCategory));
    }
}
