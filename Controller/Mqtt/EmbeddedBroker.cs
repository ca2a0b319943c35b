using System.Text;
using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MppSignage.Controller.Hosting;
using MppSignage.Controller.Options;
using MppSignage.Shared.Mqtt;
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
/// </summary>
internal sealed class EmbeddedBroker : IHostedService, IAsyncDisposable
{
    private readonly MqttOptions _options;
    private readonly string _site;
    private readonly InternalCredential _internal;
    private readonly ILogger<EmbeddedBroker> _logger;
    private readonly Dictionary<string, (MqttRole Role, PasswordHash Hash)> _users = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string User, MqttRole Role)> _clients = new(StringComparer.Ordinal);
    private MqttServer? _server;

    public EmbeddedBroker(IOptions<MqttOptions> options, IOptions<SiteOptions> site, InternalCredential credential, ILogger<EmbeddedBroker> logger)
    {
        _options = options.Value;
        _site = site.Value.Id;
        _internal = credential;
        _logger = logger;
        foreach (var user in _options.Users)
        {
            // Validated at start-up, so both parse.
            PasswordHash.TryParse(user.PasswordHash, out var hash);
            _users[user.Name] = (RoleTopicRules.ParseRole(user.Role)!.Value, hash!);
        }
    }

    public MqttServer? Server => _server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_options.IsEmbedded)
        {
            return;
        }

        var factory = new MqttServerFactory();
        var serverOptions = factory.CreateServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Parse(_options.BindAddress))
            .WithDefaultEndpointPort(_options.Port)
            .Build();
        _server = factory.CreateMqttServer(serverOptions);
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
        else if (e.UserName == _internal.Username && e.Password == _internal.Password)
        {
            role = MqttRole.Controller;
        }
        else if (_users.TryGetValue(e.UserName, out var user) && user.Hash.Verify(e.Password))
        {
            role = user.Role;
        }
        else
        {
            e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
            e.ReasonString = "bad user name or password";
        }

        if (role is { } r)
        {
            e.SessionItems[SessionKey] = (e.UserName, r);
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
        }
        else
        {
            Log.BrokerConnectRefused(_logger, e.UserName ?? "(anonymous)", e.RemoteEndPoint?.ToString() ?? "?");
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
        if (!RoleTopicRules.CanPublish(role, topic, _site, user))
        {
            e.ProcessPublish = false;
            e.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
            e.Response.ReasonString = $"user '{user}' (role {RoleTopicRules.Name(role)}) may not publish to {topic}";
            Log.BrokerDenied(_logger, user, RoleTopicRules.Name(role), "publish", topic);
            return Task.CompletedTask;
        }

        // Stamp the authenticated publisher, replacing whatever the client claimed, for the audit trail.
        var properties = e.ApplicationMessage.UserProperties?.Where(p => p.Name is not (MqttUserProperties.User or MqttUserProperties.Verified)).ToList() ?? [];
        properties.Add(new MqttUserProperty(MqttUserProperties.User, Encoding.UTF8.GetBytes(user).AsMemory()));
        properties.Add(new MqttUserProperty(MqttUserProperties.Verified, "true"u8.ToArray().AsMemory()));
        e.ApplicationMessage.UserProperties = properties;
        return Task.CompletedTask;
    }

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
            e.ReasonString = $"user '{user}' (role {RoleTopicRules.Name(role)}) may not read {filter}";
            Log.BrokerDenied(_logger, user, RoleTopicRules.Name(role), "subscribe", filter);
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
