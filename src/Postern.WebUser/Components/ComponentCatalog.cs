namespace Postern.WebUser.Components;

/// <summary>The session code components by name; <c>wMailboxes</c> and the like are the WML variants of the same component.</summary>
public sealed class ComponentCatalog
{
    private readonly Dictionary<string, WebUserComponent> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<WebUserComponent, IReadOnlySet<string>> _actions = [];

    public ComponentCatalog(IEnumerable<WebUserComponent> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        foreach (var component in components)
        {
            _byName.Add(component.Name, component);
            _actions[component] = new HashSet<string>(component.ActionParameters.Concat(Generic.GenericSessionElements.ActionParameters), StringComparer.Ordinal);
        }
    }

    /// <summary>The parameters that make a request to <paramref name="component"/> change something: its own and the generic ones.</summary>
    public IReadOnlySet<string> ActionsOf(WebUserComponent component) => _actions[component];

    /// <summary>The component a page name (without <c>.wssp</c>) runs, or null for a plain page.</summary>
    public WebUserComponent? Find(string name)
    {
        if (_byName.TryGetValue(name, out var component))
            return component;
        // WebApp lists "Mailboxes, wMailboxes": a leading 'w' names the WML page of the same component.
        return name.Length > 1 && name[0] is 'w' or 'W' && _byName.TryGetValue(name[1..], out component) ? component : null;
    }
}
