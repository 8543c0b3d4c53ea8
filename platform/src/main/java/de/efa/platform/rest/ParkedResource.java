package de.efa.platform.rest;

import de.efa.platform.inbox.ParkedRecord;
import de.efa.platform.outbox.ParkedEvent;
import de.efa.platform.paging.Page;
import de.efa.platform.problem.Problem;
import de.efa.platform.security.Roles;
import de.efa.platform.service.ParkedWork;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** What this service's event backbone gave up on, for operators: outgoing events and received records. */
@Path("/api/v1/parked")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Parked events", description = "Events this service could not send, and records it could not apply")
@RolesAllowed(Roles.OPERATOR)
public class ParkedResource {

    private final ParkedWork parked;

    public ParkedResource(ParkedWork parked) {
        this.parked = parked;
    }

    @GET
    @Path("/outgoing")
    @Operation(operationId = "listParkedOutgoing", summary = "Outgoing events Kafka refused too often",
            description = "Role: `operator`. Newest first. Such an event, and the later events of its key, are not "
                    + "sent until an operator retries it; or discards it, and only the later ones are sent.")
    @APIResponse(responseCode = "200", description = "One page of parked outgoing events",
            content = @Content(schema = @Schema(implementation = Page.class, properties = @SchemaProperty(
                    name = "items", type = SchemaType.ARRAY, implementation = ParkedEvent.class))))
    @APIResponse(responseCode = "400", description = "page or size out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an operator",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<ParkedEvent> outgoing(@QueryParam("page") String page, @QueryParam("size") String size) {
        return parked.outgoing(page, size);
    }

    @POST
    @Path("/outgoing/{id}/retry")
    @Operation(operationId = "retryParkedOutgoing", summary = "Send a parked outgoing event again",
            description = "Role: `operator`. The event gets its attempts back and the relay tries it again.")
    @APIResponse(responseCode = "200", description = "The event waits to be sent again",
            content = @Content(schema = @Schema(implementation = ParkedEvent.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an operator",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No parked event with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ParkedEvent retry(@PathParam("id") UUID id) {
        return parked.retry(id);
    }

    @POST
    @Path("/outgoing/{id}/discard")
    @Operation(operationId = "discardParkedOutgoing", summary = "Give a parked outgoing event up for good",
            description = "Role: `operator`. The event is deleted unsent, so its consumers never get it, and the "
                    + "later events of its key, which it held back, are sent. The audit entry keeps its topic, key, "
                    + "type and last error. At tenant-service, the subscription a discarded request was for is "
                    + "settled in the same transaction as if its job had failed (a provisioning FAILED, ready to be "
                    + "resubmitted), unless that request is no longer the subscription's latest.")
    @APIResponse(responseCode = "200", description = "The event as it was before it was discarded",
            content = @Content(schema = @Schema(implementation = ParkedEvent.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an operator",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No parked event with this id (also one being sent again, "
            + "sent, or discarded already)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ParkedEvent discard(@PathParam("id") UUID id) {
        return parked.discard(id);
    }

    @GET
    @Path("/incoming")
    @Operation(operationId = "listParkedIncoming", summary = "Received records that could not be applied",
            description = "Role: `operator`. Newest first, optionally of one topic, each with the reason.")
    @APIResponse(responseCode = "200", description = "One page of parked records",
            content = @Content(schema = @Schema(implementation = Page.class, properties = @SchemaProperty(
                    name = "items", type = SchemaType.ARRAY, implementation = ParkedRecord.class))))
    @APIResponse(responseCode = "400", description = "topic is no Kafka topic name, or page or size is out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an operator",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<ParkedRecord> incoming(@QueryParam("topic") String topic, @QueryParam("page") String page,
                                       @QueryParam("size") String size) {
        return parked.incoming(topic, page, size);
    }
}
