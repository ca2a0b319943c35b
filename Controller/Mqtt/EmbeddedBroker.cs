using System.Text;
using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MppSignage.Controller.Hosting;
using MppSignage.Controller.Options;
using MppSignage.Shared.Mqtt;
using MppSignage.Shared.Input;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace MppSignage.Controller.Mqtt;

/// <summary>
/// The default broker: MQTTnet's server inside the controller, bound to loopback unless configured.
/// Anonymous clients are refused; users come with Mosquitto-compatible password hashes and a role whose
/// rights are <see cref="RoleTopicRules"/>. A forbidden publish gets PUBACK NotAuthorized (MQTT 5), a
/// subscription that can never deliver anything readable gets SUBACK NotAuthorized, and a broad
/// subscription only receives what the role may read, as with Mosquitto's ACLs.
/// Identity is the authenticated user: a client id belongs to the user that holds it (another user's
/// CONNECT with it is refused, so nobody resumes or kicks off another's session), topic names with
/// wildcards are refused, and <see cref="BoundedListener"/> caps connections and packet sizes before
/// MQTTnet reads a body.
/// </summary>
internal sealed class EmbeddedBroker : IHostedService, IAsyncDisposable
{
    private readonly MqttOptions _options;
    private readonly int _adminPacketBytes;
    private readonly string _site;
    private readonly InternalCredential _internal;
    private readonly ILogger<EmbeddedBroker> _logger;
    private readonly Dictionary<string, (MqttRole Role, PasswordHash Hash)> _users = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string User, MqttRole Role)> _clients = new(StringComparer.Ordinal);
    private readonly ClientIdRegistry _owners = new();
    private readonly TimeProvider _time;
    private readonly int _unknownUserIterations;
    private MqttServer? _server;
    private BoundedListener? _listener;

    public EmbeddedBroker(IOptions<MqttOptions> options, IOptions<SiteOptions> site, InternalCredential credential, TimeProvider time, ILogger<EmbeddedBroker> logger, IOptions<AssetOptions>? assets = null)
    {
        _options = options.Value;
        // Admins upload posters (uploads/put): their packets may be as large as the upload limit plus topic and properties.
        _adminPacketBytes = Math.Max(_options.MaxPacketBytes, (assets?.Value ?? new AssetOptions()).MaxUploadBytes + (64 * 1024));
        _site = site.Value.Id;
        _internal = credential;
        _time = time;
        _logger = logger;
        foreach (var user in _options.Users)
        {
            // Validated at start-up, so both parse.
            PasswordHash.TryParse(user.PasswordHash, out var hash);
            _users[user.Name] = (RoleTopicRules.ParseRole(user.Role)!.Value, hash!);
        }

        _unknownUserIterations = _users.Count == 0 ? PasswordHash.DefaultIterations : _users.Values.Max(u => u.Hash.Iterations);
    }

    public MqttServer? Server => _server;

    /// <summary>The listener with its connection counts (null before start or with an external broker).</summary>
    internal BoundedListener? Listener => _listener;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_options.IsEmbedded)
        {
            return;
        }

        var factory = new MqttServerFactory();
        var serverOptions = factory.CreateServerOptionsBuilder()
            // Outgoing messages queued for one slow subscriber at most; the oldest go first.
            .WithMaxPendingMessagesPerClient(256)
            .WithDefaultCommunicationTimeout(TimeSpan.FromSeconds(Math.Max(10, _options.ConnectTimeoutSeconds)))
            .Build();
        var limits = new BrokerLimits(
            _options.MaxConnections,
            _options.MaxUnauthenticatedConnections,
            TimeSpan.FromSeconds(_options.ConnectTimeoutSeconds),
            _options.MaxConnectPacketBytes,
            _options.MaxPacketBytes);
        _listener = new BoundedListener(IPAddress.Parse(_options.BindAddress), _options.Port, limits, _time, _logger);
        _server = factory.CreateMqttServer(serverOptions, [_listener]);
        _server.ValidatingConnectionAsync += ValidateConnection;
        _server.ClientConnectedAsync += e =>
        {
            if (e.SessionItems[SessionKey] is (string user, MqttRole role))
            {
                _clients[e.ClientId] = (user, role);
            }

            return Task.CompletedTask;
        };
        _server.ClientDisconnectedAsync += e =>
        {
            // On a takeover the new connection already owns the client id.
            if (e.DisconnectType != MqttClientDisconnectType.Takeover)
            {
                _clients.TryRemove(e.ClientId, out _);
            }

            _owners.Release(e.ClientId);
            return Task.CompletedTask;
        };
        _server.InterceptingPublishAsync += InterceptPublish;
        _server.InterceptingSubscriptionAsync += InterceptSubscription;
        _server.InterceptingClientEnqueueAsync += InterceptDelivery;
        try
        {
            await _server.StartAsync();
        }
        catch (Exception ex) when (ex is System.Net.Sockets.SocketException or IOException)
        {
            throw new InvalidOperationException(
                $"The embedded MQTT broker cannot listen on {_options.BindAddress}:{_options.Port} ({ex.Message}). " +
                "Fix: stop whatever uses the port (e.g. a Mosquitto service), or choose another with --Mqtt:Port=…", ex);
        }

        Log.BrokerStarted(_logger, _options.BindAddress, _options.Port, _users.Count);
        if (_users.Count == 0)
        {
            Log.BrokerNoUsers(_logger);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            await _server.StopAsync(new MqttServerStopOptions());
        }
    }

    public ValueTask DisposeAsync()
    {
        _server?.Dispose();
        return ValueTask.CompletedTask;
    }

    private const string SessionKey = "mpp.principal";

    private Task ValidateConnection(ValidatingConnectionEventArgs e)
    {
        MqttRole? role = null;
        if (string.IsNullOrEmpty(e.UserName))
        {
            e.ReasonCode = MqttConnectReasonCode.NotAuthorized;
            e.ReasonString = "anonymous access is refused; connect with a user name and password";
        }
        else if (string.Equals(e.UserName, _internal.Username, StringComparison.Ordinal) && PasswordHash.SecretEquals(e.Password, _internal.Password))
        {
            // Constant time: the internal password is a secret like any other. (A configured user of the same
            // name, e.g. for the CLI, is checked below.)
            role = MqttRole.Controller;
        }
        else if (_users.TryGetValue(e.UserName, out var user))
        {
            if (user.Hash.Verify(e.Password))
            {
                role = user.Role;
            }
        }
        else
        {
            // The same PBKDF2 work as for a known user, so the answer time does not tell which names exist.
            PasswordHash.VerifyUnknownUser(e.Password, _unknownUserIterations);
        }

        if (role is null && e.ReasonCode == MqttConnectReasonCode.Success)
        {
            e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
            e.ReasonString = "bad user name or password";
        }

        if (role is { } r)
        {
            if (string.IsNullOrEmpty(e.ClientId))
            {
                // mosquitto_pub/sub 2.x send an empty client id and expect the broker to assign one (MQTT 3.1.1 §3.1.3.1,
                // MQTT 5 §3.1.3.1). MQTTnet assigns only for MQTT 5, so for 3.1.1 the id is set on the CONNECT packet itself.
                var assigned = $"auto-{Guid.NewGuid():N}";
                e.AssignedClientIdentifier = assigned;
                if (e.ProtocolVersion != MQTTnet.Formatter.MqttProtocolVersion.V500)
                {
                    ConnectPacket(e).ClientId = assigned;
                }
            }

            var clientId = string.IsNullOrEmpty(e.ClientId) ? e.AssignedClientIdentifier : e.ClientId;
            var isController = r == MqttRole.Controller;
            // Last check, so a claim is never left behind by a refusal after it; released on disconnect.
            if (_owners.TryClaim(clientId, e.UserName, isController ? null : _options.MaxConnectionsPerUser) is { } refusal)
            {
                e.ReasonCode = refusal.Contains("another user", StringComparison.Ordinal) ? MqttConnectReasonCode.ClientIdentifierNotValid : MqttConnectReasonCode.QuotaExceeded;
                e.ReasonString = $"{refusal}; connect with your own client id";
                Log.BrokerConnectRefusedBecause(_logger, UntrustedText.ForLog(e.UserName), e.RemoteEndPoint?.ToString() ?? "?", refusal);
                return Task.CompletedTask;
            }

            e.SessionItems[SessionKey] = (e.UserName, r);
            if (isController || r == MqttRole.Screen)
            {
                // The controller publishes whole announcement lists; screens publish screenshots.
                _listener?.Find(e.RemoteEndPoint)?.Limit = _options.MaxLargePacketBytes;
            }
            else if (r == MqttRole.Admin)
            {
                _listener?.Find(e.RemoteEndPoint)?.Limit = _adminPacketBytes;
            }
        }
        else
        {
            Log.BrokerConnectRefused(_logger, UntrustedText.ForLog(e.UserName), e.RemoteEndPoint?.ToString() ?? "?");
        }

        return Task.CompletedTask;
    }

    [System.Runtime.CompilerServices.UnsafeAccessor(System.Runtime.CompilerServices.UnsafeAccessorKind.Field, Name = "_connectPacket")]
    private static extern ref MqttConnectPacket ConnectPacket(ValidatingConnectionEventArgs e);

    private Task InterceptPublish(InterceptingPublishEventArgs e)
    {
        if (e.SessionItems[SessionKey] is not (string user, MqttRole role))
        {
            // Messages the server injects itself carry no session; nothing else reaches here unauthenticated.
            return Task.CompletedTask;
        }

        var topic = e.ApplicationMessage.Topic;
        if (!TopicFilter.IsValidTopicName(topic))
        {
            e.ProcessPublish = false;
            e.Response.ReasonCode = MqttPubAckReasonCode.TopicNameInvalid;
            e.Response.ReasonString = "a topic name may not contain '+', '#' or NUL, nor be empty";
            Log.BrokerDenied(_logger, user, RoleTopicRules.Name(role), "publish", UntrustedText.ForLog(topic, 120));
            return Task.CompletedTask;
        }

        if (!RoleTopicRules.CanPublish(role, topic, _site, user))
        {
            e.ProcessPublish = false;
            e.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
            e.Response.ReasonString = $"user '{user}' (role {RoleTopicRules.Name(role)}) may not publish to {UntrustedText.ForLog(topic, 120)}" + ScreenHint(role, user);
            Log.BrokerDenied(_logger, user, RoleTopicRules.Name(role), "publish", UntrustedText.ForLog(topic, 120));
            return Task.CompletedTask;
        }

        // Stamp the authenticated publisher, replacing whatever the client claimed, for the audit trail.
        var properties = e.ApplicationMessage.UserProperties?.Where(p => p.Name is not (MqttUserProperties.User or MqttUserProperties.Verified)).ToList() ?? [];
        properties.Add(new MqttUserProperty(MqttUserProperties.User, Encoding.UTF8.GetBytes(user).AsMemory()));
        properties.Add(new MqttUserProperty(MqttUserProperties.Verified, "true"u8.ToArray().AsMemory()));
        e.ApplicationMessage.UserProperties = properties;
        return Task.CompletedTask;
    }

    /// <summary>Why a screen's publish under another screen id is refused: it speaks only as its own.</summary>
    private static string ScreenHint(MqttRole role, string user) => role != MqttRole.Screen
        ? string.Empty
        : ScreenUsers.ScreenIdOf(user) is { } screen
            ? $": a screen publishes only as its own screen id ('{screen}', mpp/{{site}}/screens/{screen}/…)"
            : $": user '{user}' is bound to no screen id (screen users are '{ScreenUsers.DefaultUser}' or '{ScreenUsers.Prefix}<id>')";

    private Task InterceptSubscription(InterceptingSubscriptionEventArgs e)
    {
        if (e.SessionItems[SessionKey] is not (string user, MqttRole role))
        {
            return Task.CompletedTask;
        }

        var filter = e.TopicFilter.Topic;
        if (!RoleTopicRules.CanSubscribe(role, filter, _site, user))
        {
            e.ProcessSubscription = false;
            e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
            e.ReasonString = $"user '{user}' (role {RoleTopicRules.Name(role)}) may not read {UntrustedText.ForLog(filter, 120)}";
            Log.BrokerDenied(_logger, user, RoleTopicRules.Name(role), "subscribe", UntrustedText.ForLog(filter, 120));
        }

        return Task.CompletedTask;
    }

    private Task InterceptDelivery(InterceptingClientApplicationMessageEnqueueEventArgs e)
    {
        if (!_clients.TryGetValue(e.ReceiverClientId, out var receiver)
            || !RoleTopicRules.CanRead(receiver.Role, e.ApplicationMessage.Topic, _site, receiver.User))
        {
            e.AcceptEnqueue = false;
        }

        return Task.CompletedTask;
    }
}
