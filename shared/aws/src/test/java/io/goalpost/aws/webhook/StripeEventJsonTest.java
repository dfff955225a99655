package io.goalpost.aws.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.goalpost.core.payment.StripeEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Small hand-written bodies; the realistic samples in events/ go through the webhook function's tests. */
class StripeEventJsonTest {

    private final StripeEventJson json = new StripeEventJson();

    private StripeEvent read(String body) throws MalformedBody {
        return json.read(body.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }

    private static String event(String type, String data) {
        return "{'id':'evt_1','object':'event','api_version':'2025-03-31.basil','created':1795694398,"
                + "'livemode':false,'pending_webhooks':1,'type':'" + type + "','data':" + data + "}";
    }

    @Test
    void readsACheckoutSessionAndIgnoresFieldsItDoesNotUse() throws Exception {
        StripeEvent event = read(event("checkout.session.completed", "{'object':{'id':'cs_1','object':'checkout.session',"
                + "'amount_total':4900,'currency':'eur','customer_details':{'email':'b@example.com','name':'B'},"
                + "'client_reference_id':'Vq3mXkP9aZr2LdT8wYbN4c','metadata':{'product_id':'prod_spring'},"
                + "'mode':'payment','payment_intent':'pi_1','payment_status':'paid','subscription':null,"
                + "'ui_mode':'hosted','adaptive_pricing':{'enabled':true}}}"));

        assertThat(event).isEqualTo(new StripeEvent("evt_1", "checkout.session.completed", "2025-03-31.basil",
                1_795_694_398L, new StripeEvent.CheckoutSession("cs_1", "paid", 4900L, "eur", "b@example.com",
                        "Vq3mXkP9aZr2LdT8wYbN4c", Map.of("product_id", "prod_spring"), null, "pi_1")));
    }

    @Test
    void readsAnInvoicesSubscriptionFromItsParentAndTheMetadataOfEachLine() throws Exception {
        StripeEvent event = read(event("invoice.paid", "{'object':{'id':'in_1','object':'invoice','amount_paid':2900,"
                + "'billing_reason':'subscription_cycle','currency':'usd','customer_email':'b@example.com',"
                + "'parent':{'type':'subscription_details','quote_details':null,'subscription_details':"
                + "{'metadata':{'product_id':'prod_club'},'subscription':'sub_1'}},"
                + "'lines':{'object':'list','data':[{'id':'il_1','metadata':{'product_id':'prod_club'}},"
                + "{'id':'il_2','metadata':{}}],'has_more':false}}}"));

        assertThat(event.object()).isEqualTo(new StripeEvent.Invoice("in_1", "subscription_cycle", 2900L, "usd",
                "b@example.com", "sub_1", Map.of("product_id", "prod_club"),
                List.of(Map.of("product_id", "prod_club"), Map.of())));
    }

    @Test
    void readsAChargeWithTheAmountRefundedBeforeThisEvent() throws Exception {
        StripeEvent event = read(event("charge.refunded", "{'object':{'id':'ch_1','object':'charge','amount':4900,"
                + "'amount_refunded':1500,'currency':'eur','metadata':{'product_id':'prod_spring'},"
                + "'payment_intent':'pi_1','refunded':false},'previous_attributes':{'amount_refunded':0}}"));

        assertThat(event.object()).isEqualTo(new StripeEvent.Charge("ch_1", "pi_1", 1500L, 0L, "eur",
                Map.of("product_id", "prod_spring")));
    }

    @Test
    void leavesObjectsItDoesNotMapUnread() throws Exception {
        assertThat(read(event("customer.created", "{'object':{'id':'cus_1','object':'customer','email':null}}")).object())
                .isEqualTo(new StripeEvent.Unread());
        assertThat(read("{'id':'evt_1','type':'ping'}").object()).isEqualTo(new StripeEvent.Unread());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "{'id':| body is not valid JSON",
        "[1]| body must be a JSON object",
        "{'id':'evt_1'} {}| body is not valid JSON",
        "{'id':'evt_1','id':'evt_2'}| body is not valid JSON",
        "{'id':1}| id must be a string",
        "{'id':'evt_1','created':'1795694398'}| created must be an integer",
        "{'id':'evt_1','created':1795694398.5}| created must be an integer",
        "{'id':'evt_1','object':'v2.core.event'}| object must be \"event\"",
        "{'id':'evt_1','data':[]}| data must be an object",
        "{'id':'evt_1','data':{'object':'cs_1'}}| data.object must be an object",
        "{'data':{'object':{'object':'checkout.session','amount_total':'49.00'}}}| data.object.amount_total must be an integer",
        "{'data':{'object':{'object':'checkout.session','customer_details':'b@example.com'}}}| data.object.customer_details must be an object",
        "{'data':{'object':{'object':'checkout.session','metadata':{'product_id':7}}}}| data.object.metadata must be an object of strings",
        "{'data':{'object':{'object':'checkout.session','subscription':{'id':'sub_1'}}}}| data.object.subscription must be a string",
        "{'data':{'object':{'object':'invoice','lines':{'data':{}}}}}| data.object.lines.data must be an array",
        "{'data':{'object':{'object':'invoice','parent':{'subscription_details':{'metadata':[]}}}}}| data.object.parent.subscription_details.metadata must be an object of strings",
        "{'data':{'object':{'object':'charge'},'previous_attributes':{'amount_refunded':'0'}}}| data.previous_attributes.amount_refunded must be an integer"})
    void refusesABodyThatIsNotAStripeEventNamingWhere(String body, String message) {
        assertThatThrownBy(() -> read(body)).isInstanceOf(MalformedBody.class).hasMessageStartingWith(message);
    }
}
