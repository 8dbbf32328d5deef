package io.controlautogeneracion.solar.survey;

/** Bad input to the site survey (arguments or CSV), with a message meant for the user. */
public final class SurveyInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SurveyInputException(String message) {
        super(message);
    }
}
