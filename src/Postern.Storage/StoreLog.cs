namespace Postern.Storage;

/// <summary>The log tag (logger category) every store provider's records carry.</summary>
public static class StoreLog
{
    public const string Tag = "STORE";
}
