namespace Postern.Ximss.Protocol.Requests;

/// <summary>How an <see cref="AclChange"/> applies its rights.</summary>
public enum AclChangeMode
{
    /// <summary>The entry's rights become exactly these.</summary>
    Replace,

    /// <summary><c>+rights</c>: these rights are added.</summary>
    Add,

    /// <summary><c>-rights</c>: these rights are taken away.</summary>
    Remove,

    /// <summary>Empty rights: the entry is deleted.</summary>
    Delete,
}
